using System.CommandLine;
using RunPod.Api.Volumes;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Volume;

internal static class VolumeCreateCommand
{
    public static Command Create(Invocation inv)
    {
        var name = new Option<string?>("--name") { Description = "Volume name (need not be unique)" };
        var size = VolumeCommand.Size($"Size in GB, {NetworkVolumeLimits.MinSize} to {NetworkVolumeLimits.MaxSize} (it can grow later, never shrink)");
        var region = new Option<string?>("--region") { Description = "Data center id, e.g. EU-RO-1 (see 'rpctl volume create --help')", HelpName = "DC" };
        var type = ValidatedOptions.Choice("--type", "Storage tier (default: the data center's primary tier)", "standard", "high-performance");
        return new Command("create", CommandExtensions.Describe("Create a network volume (billed until deleted)",
                "rpctl volume create --name data --size 100 --region EU-RO-1",
                "rpctl volume create --name fast --size 500 --region US-KS-2 --type high-performance"))
            .With(name, size, region, type)
            .Runs(inv, async (parse, ct) =>
            {
                var volumeName = parse.GetValue(name) ?? throw CliException.Usage("volume create needs --name NAME");
                if (volumeName.Trim().Length == 0)
                    throw CliException.BadValue("--name", volumeName, "the name must not be empty");
                var gb = parse.GetValue(size) ?? throw CliException.Usage($"volume create needs --size GB ({NetworkVolumeLimits.MinSize} to {NetworkVolumeLimits.MaxSize})");
                var dc = parse.GetValue(region) ?? throw CliException.Usage("volume create needs --region DC (a data center id such as EU-RO-1)");
                var tier = parse.GetValue(type) switch
                {
                    "high-performance" => NetworkVolumeLimits.HighPerformance,
                    "standard" => NetworkVolumeLimits.Standard,
                    _ => null,
                };

                var client = await inv.ClientAsync(ct);
                await CheckDataCenterAsync(client, dc, tier, ct);
                var create = VolumesClient.BuildCreate(new CreateNetworkVolumeRequest(volumeName, gb, dc, tier));
                var volume = await SafeCreate.SendAsync(inv, CreatedLookups.Volume(client, volumeName), token => client.Volumes.CreateAsync(create, token), ct);
                inv.Output.WriteResult(VolumeCommand.Printable(volume), $"Created network volume {volume.Id} ({volume.Name}, {volume.Size} GB in {volume.DataCenter})");
                return ExitCodes.Success;
            });
    }

    /// <summary>Before anything is created (and billed): the data center exists and offers volumes of that tier.</summary>
    private static async Task CheckDataCenterAsync(RunPod.Api.RunPodClient client, string dc, string? tier, CancellationToken ct)
    {
        var dataCenters = await client.Catalog.ListDataCentersAsync(new RunPod.Api.Catalog.DataCenterQuery(), ct);
        var wanted = tier ?? NetworkVolumeLimits.Standard;
        var offering = dataCenters.Where(d => tier is null ? d.NetworkVolumeTypes.Count > 0 : d.NetworkVolumeTypes.Contains(wanted))
            .Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        var match = dataCenters.FirstOrDefault(d => d.Id.Equals(dc, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            throw CliException.BadValue("--region", dc, $"unknown data center; data centers with network volumes: {string.Join(", ", offering)}");
        if (!match.Id.Equals(dc, StringComparison.Ordinal))
            throw CliException.BadValue("--region", dc, $"data center ids are upper case: did you mean {match.Id}?");
        if (tier is null ? match.NetworkVolumeTypes.Count == 0 : !match.NetworkVolumeTypes.Contains(tier))
        {
            var what = tier is null ? "network volumes" : $"{tier} network volumes";
            throw CliException.BadValue("--region", dc, $"{dc} does not offer {what}; these do: {string.Join(", ", offering)}");
        }
    }
}
