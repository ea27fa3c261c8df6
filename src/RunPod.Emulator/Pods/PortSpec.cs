using System.Globalization;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.Pods;

/// <summary>`"8888/http"` / `"22/tcp"`; RunPod supports no other protocol (no UDP).</summary>
internal static class PortSpec
{
    public static (int Number, string Protocol) Parse(string port)
    {
        var parts = port.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= 65535 && parts[1] is "http" or "tcp")
        {
            return (number, parts[1]);
        }
        return (0, "");
    }

    public static void Validate(IEnumerable<string> ports)
    {
        foreach (var port in ports)
        {
            if (Parse(port).Number == 0)
            {
                throw ApiException.BadRequest($"invalid port '{port}': expected '<port>/http' or '<port>/tcp'");
            }
        }
    }
}
