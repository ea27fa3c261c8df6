using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Commands.Registry;

internal static class RegistryCommand
{
    public static Command Create(Invocation inv) =>
        new Command("registry", CommandExtensions.Describe("Manage container registry credentials for private images (passwords are write-only)",
            "rpctl registry list", "rpctl registry create --help")).With(
            RegistryListCommand.Create(inv),
            RegistryGetCommand.Create(inv),
            RegistryCreateCommand.Create(inv),
            RegistryUpdateCommand.Create(inv),
            RegistryDeleteCommand.Create(inv));

    public static Argument<string> Id() => IdArguments.One("REGISTRY_ID", "The credential's id (see 'rpctl registry list')");

    public static JsonNode Printable(RunPod.Api.Registries.Registry registry) => JsonNode.Parse(registry.Raw.GetRawText())!;

    public static string Username(Option<string?> option, ParseResult parse, string command)
    {
        var username = parse.GetValue(option) ?? throw CliException.Usage($"{command} needs --username USER");
        return username.Trim().Length > 0 ? username : throw CliException.BadValue("--username", username, "the username must not be empty");
    }
}
