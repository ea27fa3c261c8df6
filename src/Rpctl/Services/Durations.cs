using System.Globalization;
using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>Parses durations written as <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>1h30m</c>, <c>250ms</c> or plain seconds.</summary>
internal static partial class Durations
{
    public static TimeSpan Parse(string flag, string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds > 31_536_000)
                throw CliException.BadValue(flag, text, "expected a duration such as 90s, 5m or 1h");
            return TimeSpan.FromSeconds(seconds);
        }

        var match = Pattern().Match(t);
        if (!match.Success || t.Length == 0)
            throw CliException.BadValue(flag, text, "expected a duration such as 90s, 5m or 1h");

        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var m = Part().Match(part.Value);
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromDays(n),
            };
        }

        return total;
    }

    public static string Format(TimeSpan span) =>
        span.TotalSeconds < 60 ? $"{span.TotalSeconds:0}s"
        : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes}m"
        : span.TotalHours < 48 ? $"{(int)span.TotalHours}h"
        : $"{(int)span.TotalDays}d";

    [GeneratedRegex(@"^(?<part>\d+(?:\.\d+)?(?:ms|s|m|h|d))+$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h|d)$")]
    private static partial Regex Part();
}
