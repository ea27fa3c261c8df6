using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Registry;

internal static class RegistryCreateCommand
{
    public static Command Create(Invocation inv)
    {
        var name = new Option<string?>("--name") { Description = "A name for the credential" };
        var username = new Option<string?>("--username") { Description = "Registry user name" };
        var password = new PasswordInput();
        return new Command("create", CommandExtensions.Describe("Store a registry credential; the password is prompted for (hidden) or read with --password-stdin",
                "rpctl registry create --name dockerhub --username me",
                "pass show dockerhub | rpctl registry create --name dockerhub --username me --password-stdin"))
            .With(name, username, password.FromStdin, password.Value)
            .Runs(inv, async (parse, ct) =>
            {
                var registryName = parse.GetValue(name) ?? throw CliException.Usage("registry create needs --name NAME");
                if (registryName.Trim().Length == 0)
                    throw CliException.BadValue("--name", registryName, "the name must not be empty");
                var user = RegistryCommand.Username(username, parse, "registry create");
                var secret = password.Read(inv, parse);
                var client = await inv.ClientAsync(ct);
                var registry = await SafeCreate.SendAsync(inv, CreatedLookups.Registry(client, registryName),
                    token => client.Registries.CreateAsync(registryName, user, secret, token), ct);
                inv.Output.WriteResult(RegistryCommand.Printable(registry), $"Created registry credential {registry.Id} ({registry.Name})");
                return ExitCodes.Success;
            });
    }
}
