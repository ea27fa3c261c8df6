using System.Text.RegularExpressions;

namespace RunPod.Api.Http;

/// <summary>Keeps API keys out of anything that is printed.</summary>
public static partial class Redaction
{
    /// <summary>Replaces an <c>api_key</c> query value with asterisks.</summary>
    public static string RedactUrl(string url) => ApiKeyQuery().Replace(url, "$1***");

    /// <summary>Shows a key as its prefix and last three characters, e.g. <c>rpa_…3f2</c>.</summary>
    public static string MaskKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return "(none)";
        if (key.Length <= 8)
            return "***";
        var prefix = key.StartsWith("rpa_", StringComparison.Ordinal) ? "rpa_" : "";
        return $"{prefix}…{key[^3..]}";
    }

    [GeneratedRegex("(api_key=)[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyQuery();
}
