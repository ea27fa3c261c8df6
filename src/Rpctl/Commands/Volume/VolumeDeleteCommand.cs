using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Commands.Volume;

internal static class VolumeDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var id = VolumeCommand.Id();
        var yes = SharedOptions.Yes();
        return new Command("delete", CommandExtensions.Describe("Delete a network volume and everything on it",
                "rpctl volume delete agv6w2qcg7", "rpctl volume delete agv6w2qcg7 --yes"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var volumeId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                var volume = await client.Volumes.GetAsync(volumeId, ct);
                Confirmation.Require(inv, $"Delete network volume {volume.Id} ({volume.Name}, {volume.Size} GB in {volume.DataCenter}) and all its data? This cannot be undone.", parse.GetValue(yes));
                await client.Volumes.DeleteAsync(volumeId, ct);
                inv.Output.WriteResult(new JsonObject { ["id"] = volume.Id, ["name"] = volume.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted network volume {volume.Id} ({volume.Name})");
                return ExitCodes.Success;
            });
    }
}
