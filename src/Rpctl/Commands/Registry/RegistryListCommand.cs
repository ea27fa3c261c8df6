using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Registry;

internal static class RegistryListCommand
{
    public static Command Create(Invocation inv) =>
        new Command("list", CommandExtensions.Describe("List your registry credentials", "rpctl registry list", "rpctl registry list -o json"))
            .Runs(inv, async (_, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var registries = await client.Registries.ListAsync(ct);
                inv.Output.WriteList([.. registries.Select(RegistryCommand.Printable)], RegistryView.Spec);
                return ExitCodes.Success;
            });
}
