using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Volume;

internal static class VolumeListCommand
{
    public static Command Create(Invocation inv) =>
        new Command("list", CommandExtensions.Describe("List your network volumes", "rpctl volume list", "rpctl volume list -o json"))
            .Runs(inv, async (_, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var volumes = await client.Volumes.ListAsync(ct);
                inv.Output.WriteList([.. volumes.Select(VolumeCommand.Printable)], VolumeView.Spec);
                return ExitCodes.Success;
            });
}
