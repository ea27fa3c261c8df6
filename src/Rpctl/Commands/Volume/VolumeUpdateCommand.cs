using System.CommandLine;
using RunPod.Api.Volumes;
using Rpctl.Cli;

namespace Rpctl.Commands.Volume;

internal static class VolumeUpdateCommand
{
    public static Command Create(Invocation inv)
    {
        var id = VolumeCommand.Id();
        var name = new Option<string?>("--name") { Description = "New name" };
        var size = VolumeCommand.Size($"New size in GB, up to {NetworkVolumeLimits.MaxSize}; it can only grow");
        return new Command("update", CommandExtensions.Describe("Rename a network volume or grow it (it can never shrink)",
                "rpctl volume update agv6w2qcg7 --size 200", "rpctl volume update agv6w2qcg7 --name datasets"))
            .With(id, name, size)
            .Runs(inv, async (parse, ct) =>
            {
                var volumeId = parse.GetValue(id)!;
                var newName = parse.GetValue(name);
                var newSize = parse.GetValue(size);
                if (newName is null && newSize is null)
                    throw CliException.Usage("nothing to update: give --name and/or --size");
                if (newName is not null && newName.Trim().Length == 0)
                    throw CliException.BadValue("--name", newName, "the name must not be empty");

                var client = await inv.ClientAsync(ct);
                if (newSize is { } gb)
                {
                    var current = await client.Volumes.GetAsync(volumeId, ct);
                    if (gb < current.Size)
                        throw CliException.BadValue("--size", gb.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            $"network volume {volumeId} is {current.Size} GB and network volumes cannot shrink; give {current.Size} or more");
                }

                var volume = await client.Volumes.UpdateAsync(VolumesClient.BuildUpdate(volumeId, newName, newSize), ct);
                inv.Output.WriteResult(VolumeCommand.Printable(volume), $"Updated network volume {volume.Id} ({volume.Name}, {volume.Size} GB)");
                return ExitCodes.Success;
            });
    }
}
