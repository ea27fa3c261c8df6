using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.User;

internal static class SshKeyListCommand
{
    public static Command Create(Invocation inv) =>
        new Command("list", CommandExtensions.Describe("List the SSH public keys on your account", "rpctl user ssh-key list", "rpctl user ssh-key list -o json"))
            .Runs(inv, async (_, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var keys = await client.Account.GetSshKeysAsync(ct);
                inv.Output.WriteList([.. keys.Select(line => SshPublicKey.TryParse(line)?.ToJson()
                    ?? new System.Text.Json.Nodes.JsonObject { ["fingerprint"] = "", ["type"] = "", ["comment"] = "", ["key"] = line })], AccountView.SshKeys);
                return ExitCodes.Success;
            });
}
