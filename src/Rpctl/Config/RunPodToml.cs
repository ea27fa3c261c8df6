namespace Rpctl.Config;

/// <summary>
/// Reads the API key from RunPod's own <c>~/.runpod/config.toml</c>. Only the two forms RunPod's
/// tools write are understood: a top-level <c>apikey = "..."</c> (runpodctl) and
/// <c>api_key = "..."</c> under <c>[default]</c> (the Python SDK). Anything else is ignored.
/// </summary>
internal static class RunPodToml
{
    public static string? ReadKey(string path)
    {
        if (!File.Exists(path))
            return null;
        string? table = null;
        string? topLevel = null, sdk = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
                continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                table = line.Trim('[', ']', ' ').Trim('"');
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq <= 0)
                continue;
            var key = line[..eq].Trim().Trim('"');
            var value = Unquote(line[(eq + 1)..].Trim());
            if (table is null && key is "apikey" or "api_key" && topLevel is null)
                topLevel = value;
            else if (table == "default" && key is "api_key" or "apikey")
                sdk = value;
        }

        var found = topLevel ?? sdk;
        return string.IsNullOrWhiteSpace(found) ? null : found.Trim();
    }

    private static string StripComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '"' or '\'')
                inString = !inString;
            else if (line[i] == '#' && !inString)
                return line[..i];
        }

        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''))
            ? value[1..^1]
            : value;
}
