using System.Globalization;
using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>How serverless endpoints (and their workers and health) are shown as tables.</summary>
internal static class EndpointView
{
    private static readonly string[] UrlKeys = ["run", "runSync", "status", "stream", "cancel", "retry", "purgeQueue", "health", "base"];

    public static TableSpec Spec() => new(
        [
            new Column("ID", e => JsonPath.Text(e, "id")),
            new Column("NAME", e => JsonPath.Text(e, "name")),
            new Column("TYPE", e => JsonPath.Text(e, "type")),
            new Column("COMPUTE", Compute),
            new Column("WORKERS", e => $"{JsonPath.Text(e, "workers.min")}-{JsonPath.Text(e, "workers.max")}"),
            new Column("SCALING", Scaling),
            new Column("IMAGE", e => JsonPath.Text(e, "image")),
        ],
        [
            new Column("ID", e => JsonPath.Text(e, "id")),
            new Column("Name", e => JsonPath.Text(e, "name")),
            new Column("Type", e => JsonPath.Text(e, "type")),
            new Column("Image", e => JsonPath.Text(e, "image")),
            new Column("Compute", Compute),
            new Column("GPU pools", e => Join(JsonPath.At(e, "gpu.pools"))),
            new Column("Excluded GPUs", e => Join(JsonPath.At(e, "gpu.excludedTypes"))),
            new Column("CUDA", Cuda),
            new Column("Workers", Workers),
            new Column("Scaling", Scaling),
            new Column("Execution timeout", e => JsonPath.At(e, "timeout") is JsonValue t && t.TryGetValue<long>(out var ms) ? (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "s" : ""),
            new Column("FlashBoot", e => JsonPath.Text(e, "flashboot")),
            new Column("Data centers", e => Join(JsonPath.At(e, "dataCenterIds"))),
            new Column("Network volumes", e => Join(JsonPath.At(e, "networkVolumes"))),
            new Column("Env", e => JsonPath.At(e, "env") is JsonObject env ? string.Join("\n", env.Select(kv => $"{kv.Key}={JsonPath.Scalar(kv.Value)}")) : ""),
            new Column("Created", e => JsonPath.Text(e, "createdAt")),
            new Column("Request URLs", RequestUrls),
        ]);

    public static TableSpec WorkerSpec() => new(
        [
            new Column("ID", w => JsonPath.Text(w, "id")),
            new Column("STATUS", w => JsonPath.Text(w, "status")),
            new Column("GPU", w => PodView.ShortGpuName(JsonPath.Text(w, "gpuTypeId"))),
            new Column("DATA CENTER", w => JsonPath.Text(w, "dataCenterId")),
            new Column("UPTIME", w => JsonPath.At(w, "uptimeSeconds") is JsonValue u && u.TryGetValue<long>(out var s) ? Services.Durations.Format(TimeSpan.FromSeconds(s)) : ""),
            new Column("VERSION", w => JsonPath.Text(w, "version")),
            new Column("STALE", w => JsonPath.Text(w, "isStale")),
        ],
        []);

    /// <summary>The health document as rows: every jobs.* and workers.* counter, whatever keys RunPod sends.</summary>
    public static TableSpec HealthSpec(JsonNode health)
    {
        var rows = new List<Column>();
        foreach (var group in new[] { "jobs", "workers" })
        {
            if (JsonPath.At(health, group) is JsonObject counters)
            {
                foreach (var (key, _) in counters)
                    rows.Add(new Column($"{group}.{key}", h => JsonPath.Text(h, $"{group}.{key}")));
            }
        }

        return new TableSpec([], rows);
    }

    public static string Compute(JsonNode e)
    {
        if (JsonPath.At(e, "gpu") is JsonObject gpu)
            return $"{JsonPath.Text(gpu, "count")}x GPU {Join(gpu["pools"])}";
        if (JsonPath.At(e, "cpu") is JsonArray cpu)
            return string.Join(", ", cpu.Select(c => $"{JsonPath.Text(c, "id")}:{JsonPath.Text(c, "vcpuCount")}"));
        return "";
    }

    private static string Workers(JsonNode e)
    {
        var text = $"min {JsonPath.Text(e, "workers.min")}, max {JsonPath.Text(e, "workers.max")}";
        return JsonPath.At(e, "workers.idleTimeout") is { } idle ? $"{text}, idle timeout {JsonPath.Scalar(idle)}s" : text;
    }

    private static string Scaling(JsonNode e) => JsonPath.Text(e, "scaling.type") switch
    {
        "QUEUE_DELAY" => $"queue delay {JsonPath.Text(e, "scaling.queueDelay")}s",
        "REQUEST_COUNT" => $"request count {JsonPath.Text(e, "scaling.requestCount")}",
        var other => other,
    };

    private static string Cuda(JsonNode e)
    {
        if (JsonPath.At(e, "gpu.minCudaVersion") is JsonValue min && JsonPath.Scalar(min) is { Length: > 0 } floor)
            return ">= " + floor;
        return JsonPath.At(e, "gpu.allowedCudaVersions") is JsonArray { Count: > 0 } list ? Join(list) : JsonPath.At(e, "gpu") is JsonObject ? "any" : "";
    }

    private static string RequestUrls(JsonNode e) =>
        JsonPath.At(e, "requestUrls") is JsonObject urls
            ? string.Join("\n", UrlKeys.Where(urls.ContainsKey).Select(k => $"{k}: {JsonPath.Scalar(urls[k])}"))
            : "";

    private static string Join(JsonNode? list) =>
        list is JsonArray array ? string.Join(", ", array.Select(JsonPath.Scalar)) : "";

    internal static string Millis(long ms) => ms.ToString(CultureInfo.InvariantCulture) + " ms";
}
