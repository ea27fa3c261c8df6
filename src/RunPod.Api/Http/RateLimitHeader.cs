using System.Globalization;

namespace RunPod.Api.Http;

/// <summary>
/// Reads the IETF structured-field <c>RateLimit</c> header RunPod sends:
/// <c>"minute";r=0;t=12, "hour";r=2800;t=1812</c>.
/// </summary>
public static class RateLimitHeader
{
    /// <summary>One window: its name, remaining requests and seconds until reset.</summary>
    public readonly record struct Window(string Name, int Remaining, int ResetSeconds);

    public static IReadOnlyList<Window> Parse(string header)
    {
        var windows = new List<Window>();
        foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(';', StringSplitOptions.TrimEntries);
            var name = parts[0].Trim('"');
            int? remaining = null, reset = null;
            foreach (var p in parts.Skip(1))
            {
                var kv = p.Split('=', 2);
                if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    continue;
                if (kv[0] == "r") remaining = n;
                else if (kv[0] == "t") reset = n;
            }

            if (remaining is { } r && reset is { } t)
                windows.Add(new Window(name, r, t));
        }

        return windows;
    }

    /// <summary>The largest reset among windows with nothing remaining, or null when none is exhausted.</summary>
    public static TimeSpan? LongestExhaustedReset(string header)
    {
        var seconds = Parse(header).Where(w => w.Remaining <= 0).Select(w => (int?)w.ResetSeconds).Max();
        return seconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }
}
