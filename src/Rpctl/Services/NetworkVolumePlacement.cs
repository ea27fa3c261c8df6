using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>A pod with a network volume must run in the volume's data center; this pins it there.</summary>
internal static class NetworkVolumePlacement
{
    public static async Task<List<string>> PinAsync(Invocation inv, string volumeId, List<string> regions, CancellationToken ct)
    {
        if (!inv.Settings.Local && inv.Settings.ApiKey is null)
        {
            inv.Output.Warn($"no API key: the data center of network volume {volumeId} was not looked up");
            return regions;
        }

        var client = await inv.ClientAsync(ct);
        RunPod.Api.Volumes.NetworkVolume volume;
        try
        {
            volume = await client.Volumes.GetAsync(volumeId, ct);
        }
        catch (RunPodApiException e) when (e.Status == 404)
        {
            throw CliException.NotFound($"network volume {volumeId} not found (see 'rpctl volume list')");
        }

        var dc = volume.DataCenter;
        if (regions.Count > 0 && !regions.Contains(dc))
            throw CliException.Usage($"network volume {volumeId} is in {dc}, which is not among --region {string.Join(",", regions)}");
        return [dc];
    }
}
