using System.Text.RegularExpressions;
using Rpctl.Output;

namespace Rpctl.Config;

/// <summary>A setting a profile may store, with the environment variable that overrides it and its validation.</summary>
internal sealed record ConfigKey(string Name, string EnvVar, string Flag, string Description, string Valid, Func<string, string?> Normalize, string[]? Choices = null)
{
    /// <summary>The canonical spelling of a valid value, or null when the value is not valid.</summary>
    public string? Check(string value) => Normalize(value.Trim());
}

/// <summary>
/// The known profile keys. Values are validated when set and again when read (a hand-edited file
/// gets the same one-line error as a bad flag).
/// </summary>
internal static partial class ConfigKeys
{
    public static readonly ConfigKey ApiUrl = new("api_url", "RUNPOD_API_URL", "--api-url",
        "Origin of the RunPod APIs (empty means RunPod itself)", "an http(s) URL such as http://127.0.0.1:8787",
        v => Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https") && u.Query.Length == 0 ? v.TrimEnd('/') : null);

    public static readonly ConfigKey Output = new("output", "RPCTL_OUTPUT", "--output",
        "Default output format", "one of table, json, yaml, csv",
        v => OutputFormats.TryParse(v, out var f) ? f.ToString().ToLowerInvariant() : null, ["table", "json", "yaml", "csv"]);

    public static readonly ConfigKey CloudType = new("cloud_type", "RPCTL_CLOUD_TYPE", "--cloud-type",
        "Default cloud for pod create", "one of secure, community, all",
        v => v.ToLowerInvariant() is "secure" or "community" or "all" ? v.ToLowerInvariant() : null, ["secure", "community", "all"]);

    public static readonly ConfigKey Region = new("region", "RPCTL_REGION", "--region",
        "Default data center(s) for pod create, comma-separated", "data center ids such as US-TX-3 or US-TX-3,EU-RO-1",
        v =>
        {
            var ids = Split(v).Select(s => s.ToUpperInvariant()).ToList();
            return ids.Count > 0 && ids.All(DataCenterPattern().IsMatch) ? string.Join(",", ids) : null;
        });

    public static readonly ConfigKey Gpu = new("gpu", "RPCTL_GPU", "--gpu",
        "Default GPU type(s) for pod create, comma-separated, tried in order", "GPU type ids or names such as \"RTX 4090\" or \"NVIDIA A40,RTX 4090\"",
        v => Split(v).Count > 0 && Split(v).All(g => g.Length <= 100) ? string.Join(",", Split(v)) : null);

    public static readonly IReadOnlyList<ConfigKey> All = [ApiUrl, Output, CloudType, Region, Gpu];

    public static ConfigKey? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    [GeneratedRegex(@"^[A-Z]{2,3}-[A-Z]{2,4}-\d+$")]
    private static partial Regex DataCenterPattern();
}
