using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.User;

internal static class UserInfoCommand
{
    public static Command Create(Invocation inv) =>
        new Command("info", CommandExtensions.Describe("Show your account: id, email, balance, spend per hour, spend limit, number of SSH keys",
                "rpctl user info", "rpctl user info -o json"))
            .Runs(inv, async (_, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                // Balance and spend exist only in GraphQL; the key count comes from REST v2.
                var me = await client.Account.GetMyselfAsync(ct);
                var keys = await client.Account.GetSshKeysAsync(ct);
                var info = new JsonObject
                {
                    ["id"] = me.Id,
                    ["email"] = me.Email,
                    ["clientBalance"] = me.ClientBalance,
                    ["currentSpendPerHr"] = me.CurrentSpendPerHr,
                    ["spendLimit"] = me.SpendLimit,
                    ["sshKeyCount"] = keys.Count,
                };
                inv.Output.WriteItem(info, AccountView.Info);
                return ExitCodes.Success;
            });
}
