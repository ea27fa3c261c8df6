using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>Ports as RunPod writes them: <c>8888/http</c>, <c>22/tcp</c> (UDP is not supported).</summary>
internal static partial class PortSpecs
{
    public static List<string> Parse(IEnumerable<string> values)
    {
        var result = new List<string>();
        var seen = new HashSet<string>();
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var m = Pattern().Match(item.ToLowerInvariant());
            if (!m.Success || !int.TryParse(m.Groups[1].Value, out var port) || port is < 1 or > 65535)
                throw CliException.BadValue("--ports", item, "expected PORT/http or PORT/tcp with a port from 1 to 65535, e.g. 8888/http,22/tcp");
            var spec = $"{port}/{m.Groups[2].Value}";
            if (!seen.Add(port.ToString()))
                throw CliException.BadValue("--ports", item, $"port {port} is listed twice");
            result.Add(spec);
        }

        return result;
    }

    [GeneratedRegex(@"^(\d{1,5})/(http|tcp)$")]
    private static partial Regex Pattern();
}
