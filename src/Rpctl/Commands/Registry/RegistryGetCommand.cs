using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Registry;

internal static class RegistryGetCommand
{
    public static Command Create(Invocation inv)
    {
        var id = RegistryCommand.Id();
        return new Command("get", CommandExtensions.Describe("Show one registry credential (its id and name; the credentials are never returned)",
                "rpctl registry get clzdaifot0001l90809257ynb"))
            .With(id)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                inv.Output.WriteItem(RegistryCommand.Printable(await client.Registries.GetAsync(parse.GetValue(id)!, ct)), RegistryView.Spec);
                return ExitCodes.Success;
            });
    }
}
