using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>How pods are shown as tables; list, get and create all use this.</summary>
internal static class PodView
{
    public static TableSpec Spec(DateTimeOffset now) => new(
        [
            new Column("ID", p => JsonPath.Text(p, "id")),
            new Column("NAME", p => JsonPath.Text(p, "name")),
            new Column("STATUS", p => JsonPath.Text(p, "status")),
            new Column("GPU", Hardware),
            new Column("IMAGE", p => JsonPath.Text(p, "image")),
            new Column("$/HR", p => Cost(p)),
            new Column("AGE", p => Age(p, now)),
        ],
        [
            new Column("ID", p => JsonPath.Text(p, "id")),
            new Column("Name", p => JsonPath.Text(p, "name")),
            new Column("Status", p => JsonPath.Text(p, "status")),
            new Column("Hardware", Hardware),
            new Column("Cloud", p => JsonPath.Text(p, "cloud")),
            new Column("Data center", p => JsonPath.Text(p, "dataCenterId")),
            new Column("Image", p => JsonPath.Text(p, "image")),
            new Column("Cost", p => Cost(p) + " $/hr"),
            new Column("Created", p => JsonPath.Text(p, "createdAt")),
            new Column("Uptime", p => JsonPath.At(p, "runtime.uptime") is { } u ? Durations.Format(TimeSpan.FromSeconds(u.GetValue<long>())) : ""),
            new Column("Ports", p => string.Join(", ", (JsonPath.At(p, "ports") as JsonArray ?? []).Select(JsonPath.Scalar))),
            new Column("Env", Env),
            new Column("SSH", Ssh),
            new Column("HTTP", HttpUrls),
        ]);

    public static string Hardware(JsonNode p)
    {
        if (JsonPath.At(p, "gpu") is JsonObject gpu)
            return $"{JsonPath.Text(gpu, "count")}x {ShortGpuName(JsonPath.Text(gpu, "id"))}";
        if (JsonPath.At(p, "cpu") is JsonObject cpu)
            return $"{JsonPath.Text(cpu, "id")} {JsonPath.Text(cpu, "vcpuCount")} vCPU";
        return "";
    }

    /// <summary>"NVIDIA GeForce RTX 4090" reads as "RTX 4090" without a catalog call.</summary>
    public static string ShortGpuName(string id) =>
        id.Replace("NVIDIA GeForce ", "", StringComparison.Ordinal).Replace("NVIDIA ", "", StringComparison.Ordinal);

    private static string Cost(JsonNode p) =>
        JsonPath.At(p, "cost") is JsonValue v && v.TryGetValue<double>(out var c) ? c.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static string Age(JsonNode p, DateTimeOffset now) =>
        DateTimeOffset.TryParse(JsonPath.Text(p, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? Durations.Format(now - created < TimeSpan.Zero ? TimeSpan.Zero : now - created)
            : "";

    private static string Env(JsonNode p) =>
        JsonPath.At(p, "env") is JsonObject env ? string.Join("\n", env.Select(kv => $"{kv.Key}={JsonPath.Scalar(kv.Value)}")) : "";

    private static string Ssh(JsonNode p)
    {
        var lines = new List<string>();
        if (JsonPath.Text(p, "ssh.direct.command") is { Length: > 0 } direct)
            lines.Add(direct);
        if (JsonPath.Text(p, "ssh.proxy.command") is { Length: > 0 } proxy)
            lines.Add(proxy);
        return string.Join("\n", lines);
    }

    private static string HttpUrls(JsonNode p)
    {
        var id = JsonPath.Text(p, "id");
        var ports = (JsonPath.At(p, "ports") as JsonArray ?? [])
            .Select(JsonPath.Scalar)
            .Where(s => s.EndsWith("/http", StringComparison.Ordinal))
            .Select(s => $"https://{id}-{s[..s.IndexOf('/')]}.proxy.runpod.net");
        return string.Join("\n", ports);
    }
}
