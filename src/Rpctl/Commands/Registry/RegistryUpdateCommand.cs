using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Registry;

internal static class RegistryUpdateCommand
{
    public static Command Create(Invocation inv)
    {
        var id = RegistryCommand.Id();
        var username = new Option<string?>("--username") { Description = "Registry user name (RunPod replaces username and password together)" };
        var password = new PasswordInput();
        return new Command("update", CommandExtensions.Describe("Replace a credential's username and password (uses GraphQL: REST v2 has no update)",
                "rpctl registry update clzdaifot0001l90809257ynb --username me",
                "echo \"$TOKEN\" | rpctl registry update clzdaifot0001l90809257ynb --username me --password-stdin"))
            .With(id, username, password.FromStdin, password.Value)
            .Runs(inv, async (parse, ct) =>
            {
                var registryId = parse.GetValue(id)!;
                var user = RegistryCommand.Username(username, parse, "registry update");
                var secret = password.Read(inv, parse);
                var client = await inv.ClientAsync(ct);
                // GraphQL reports an unknown id as a generic error: check over v2 first for a clear "not found".
                await client.Registries.GetAsync(registryId, ct);
                var registry = await client.Registries.UpdateAsync(registryId, user, secret, ct);
                inv.Output.WriteResult(RegistryCommand.Printable(registry), $"Updated registry credential {registry.Id} ({registry.Name})");
                return ExitCodes.Success;
            });
    }
}
