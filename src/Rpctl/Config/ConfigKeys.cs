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

    public static readonly ConfigKey Retries = new("retries", "RPCTL_RETRIES", "--retries",
        "Retries of a failed request before giving up (default 4)", "a whole number from 0 to 20",
        v => int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= 20
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    public static readonly ConfigKey RetryBudget = new("retry_budget", "RPCTL_RETRY_BUDGET", "--retry-budget",
        "Most time spent retrying one request (default 2m; 0 disables)", "a duration such as 90s, 2m or 0", v => Duration(v, allowZero: true));

    public static readonly ConfigKey RequestTimeout = new("request_timeout", "RPCTL_REQUEST_TIMEOUT", "--request-timeout",
        "Time limit of one HTTP request (default 60s)", "a duration greater than zero such as 30s or 2m", v => Duration(v, allowZero: false));

    public static readonly ConfigKey Deadline = new("deadline", "RPCTL_DEADLINE", "--deadline",
        "Time limit of a whole command (default none)", "a duration greater than zero such as 10m or 1h", v => Duration(v, allowZero: false));

    /// <summary>The retry and time settings, read by the HTTP pipeline rather than by commands.</summary>
    public static readonly IReadOnlyList<ConfigKey> Network = [Retries, RetryBudget, RequestTimeout, Deadline];

    public static readonly IReadOnlyList<ConfigKey> All = [ApiUrl, Output, CloudType, Region, Gpu, .. Network];

    public static ConfigKey? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public static List<string> Split(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string? Duration(string value, bool allowZero)
    {
        try
        {
            var span = Services.Durations.Parse("value", value);
            return allowZero || span > TimeSpan.Zero ? value.ToLowerInvariant() : null;
        }
        catch (Cli.CliException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Z]{2,3}-[A-Z]{2,4}-\d+$")]
    private static partial Regex DataCenterPattern();
}
