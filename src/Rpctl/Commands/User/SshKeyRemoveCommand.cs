using System.CommandLine;
using RunPod.Api.Account;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.User;

internal static class SshKeyRemoveCommand
{
    public static Command Create(Invocation inv)
    {
        var which = new Argument<string>("FINGERPRINT|COMMENT") { Description = "The key's fingerprint (SHA256:..., see 'rpctl user ssh-key list') or its comment" };
        var yes = SharedOptions.Yes();
        return new Command("remove", CommandExtensions.Describe("Remove one SSH public key (the others stay)",
                "rpctl user ssh-key remove SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", "rpctl user ssh-key remove me@old-laptop --yes"))
            .With(which, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var wanted = parse.GetValue(which)!.Trim();
                if (wanted.Length == 0)
                    throw CliException.BadValue("FINGERPRINT|COMMENT", wanted, "give a fingerprint or a comment");
                var client = await inv.ClientAsync(ct);
                var current = await client.Account.GetSshKeysAsync(ct);
                var parsed = current.Select(line => (line, key: SshPublicKey.TryParse(line))).ToList();
                var fingerprint = wanted.StartsWith("SHA256:", StringComparison.Ordinal) ? wanted : "SHA256:" + wanted;
                var matches = parsed.Where(p => p.key is not null && (p.key.Fingerprint == fingerprint || p.key.Comment == wanted)).ToList();
                if (matches.Count == 0)
                    throw CliException.NotFound($"no SSH key with fingerprint or comment '{wanted}' (see 'rpctl user ssh-key list')");
                if (matches.Count > 1)
                    throw CliException.Usage($"'{wanted}' matches {matches.Count} keys ({string.Join(", ", matches.Select(m => m.key!.Fingerprint))}); give the fingerprint");

                var key = matches[0].key!;
                Confirmation.Require(inv, $"Remove SSH key {key.Fingerprint}{(key.Comment.Length > 0 ? $" ({key.Comment})" : "")}?", parse.GetValue(yes));
                var remaining = parsed.Where(p => p.line != matches[0].line).Select(p => p.line).ToList();
                var stored = await client.Account.ReplaceSshKeysAsync(AccountClient.BuildReplaceSshKeys(remaining), ct);
                inv.Output.WriteResult(key.ToJson(), $"Removed SSH key {key.Fingerprint}; {stored.Count} key(s) left");
                return ExitCodes.Success;
            });
    }
}
