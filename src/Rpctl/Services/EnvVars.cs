using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// <c>--env KEY=VALUE</c> and <c>--env-file</c>. The value is everything after the first <c>=</c>,
/// so values containing <c>=</c> and <c>,</c> arrive intact.
/// </summary>
internal static partial class EnvVars
{
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs, string? envFile, CliContext context)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (envFile is not null)
        {
            var path = Path.Combine(context.WorkingDirectory, envFile);
            if (!File.Exists(path))
                throw CliException.BadValue("--env-file", envFile, "file not found");
            var lineNo = 0;
            foreach (var raw in File.ReadLines(path))
            {
                lineNo++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                    continue;
                if (line.StartsWith("export ", StringComparison.Ordinal))
                    line = line[7..].TrimStart();
                var (key, value) = Split("--env-file", line, $"{envFile}:{lineNo}");
                env[key] = Unquote(value);
            }
        }

        // Flags win over the file.
        foreach (var pair in pairs)
        {
            var (key, value) = Split("--env", pair, pair);
            env[key] = value;
        }

        return env;
    }

    public static (string Key, string Value) Split(string flag, string pair, string shown)
    {
        var eq = pair.IndexOf('=');
        if (eq <= 0)
            throw CliException.BadValue(flag, shown, "expected KEY=VALUE");
        var key = pair[..eq];
        if (!KeyPattern().IsMatch(key))
            throw CliException.BadValue(flag, shown, "the name must be letters, digits and underscores, not starting with a digit");
        return (key, pair[(eq + 1)..]);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\'' && value[^1] == '\''))
            ? value[1..^1]
            : value;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
