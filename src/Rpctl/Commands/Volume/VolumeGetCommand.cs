using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Volume;

internal static class VolumeGetCommand
{
    public static Command Create(Invocation inv)
    {
        var id = VolumeCommand.Id();
        return new Command("get", CommandExtensions.Describe("Show one network volume", "rpctl volume get agv6w2qcg7"))
            .With(id)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var volume = await client.Volumes.GetAsync(parse.GetValue(id)!, ct);
                inv.Output.WriteItem(VolumeCommand.Printable(volume), VolumeView.Spec);
                return ExitCodes.Success;
            });
    }
}
