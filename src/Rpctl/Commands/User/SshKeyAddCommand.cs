using System.CommandLine;
using RunPod.Api.Account;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.User;

/// <summary>
/// <c>user ssh-key add</c> (and its alias <c>user set-ssh-key</c>): RunPod's PUT replaces the whole
/// set, so the current keys are read and the new one appended, unless it is already there.
/// </summary>
internal static class SshKeyAddCommand
{
    public static Command Create(Invocation inv, string name, string summary, bool allowReplace)
    {
        var path = new Argument<string?>("PATH") { Description = "Public key file (default ~/.ssh/id_ed25519.pub, then ~/.ssh/id_rsa.pub)", Arity = ArgumentArity.ZeroOrOne };
        var keyFile = new Option<string?>("--key", "-k") { Description = "Public key file (same as PATH)", HelpName = "PATH" };
        var text = new Option<string?>("--text", "-t") { Description = "The public key itself, e.g. \"ssh-ed25519 AAAA... me@host\"", HelpName = "KEY" };
        var replace = new Option<bool>("--replace") { Description = "Replace ALL keys on the account with this one (asks first)" };
        var yes = SharedOptions.Yes();
        var dryRun = SharedOptions.DryRun();
        var command = new Command(name, CommandExtensions.Describe(summary,
                $"rpctl user {(allowReplace ? name : "ssh-key " + name)}",
                $"rpctl user {(allowReplace ? name : "ssh-key " + name)} ~/.ssh/work.pub",
                $"rpctl user {(allowReplace ? name : "ssh-key " + name)} --text \"ssh-ed25519 AAAA... me@laptop\""))
            .With(path, keyFile, text, dryRun);
        if (allowReplace)
            command.With(replace, yes);
        return command.Runs(inv, async (parse, ct) =>
        {
            var key = ReadKey(inv.Context, parse.GetValue(path), parse.GetValue(keyFile), parse.GetValue(text));
            var client = await inv.ClientAsync(ct);
            var current = await client.Account.GetSshKeysAsync(ct);
            List<string> wanted;
            if (allowReplace && parse.GetValue(replace))
            {
                if (!parse.GetValue(dryRun))
                    Confirmation.Require(inv, $"Replace all {current.Count} SSH key(s) on the account with {key.Fingerprint}?", parse.GetValue(yes));
                wanted = [key.Line];
            }
            else if (current.Select(SshPublicKey.TryParse).Any(k => k is not null && k.SameKey(key)))
            {
                inv.Output.Note($"SSH key {key.Fingerprint} is already on the account; nothing changed");
                inv.Output.WriteResult(key.ToJson(), $"SSH key {key.Fingerprint} already present ({current.Count} key(s) in total)");
                return ExitCodes.Success;
            }
            else
            {
                wanted = [.. current, key.Line];
            }

            var request = AccountClient.BuildReplaceSshKeys(wanted);
            if (parse.GetValue(dryRun))
            {
                DryRun.Print(inv, [("replace the key set", request)]);
                return ExitCodes.Success;
            }

            var stored = await client.Account.ReplaceSshKeysAsync(request, ct);
            inv.Output.WriteResult(key.ToJson(), $"Added SSH key {key.Fingerprint}{(key.Comment.Length > 0 ? $" ({key.Comment})" : "")}; {stored.Count} key(s) on the account");
            return ExitCodes.Success;
        });
    }

    private static SshPublicKey ReadKey(CliContext context, string? path, string? keyFile, string? text)
    {
        if (path is not null && keyFile is not null)
            throw CliException.Usage("give the key file once: PATH or --key, not both");
        var file = path ?? keyFile;
        if (file is not null && text is not null)
            throw CliException.Usage("--text and a key file cannot be used together");
        if (text is not null)
            return SshPublicKey.TryParse(text) ?? throw CliException.BadValue("--text", Shorten(text), "expected " + SshPublicKey.FormatDescription);

        var flag = keyFile is not null ? "--key" : "PATH";
        if (file is null)
        {
            var ssh = Path.Combine(context.HomeDirectory, ".ssh");
            file = new[] { "id_ed25519.pub", "id_rsa.pub" }.Select(f => Path.Combine(ssh, f)).FirstOrDefault(File.Exists)
                   ?? throw CliException.Usage($"no key given and neither {ssh}/id_ed25519.pub nor {ssh}/id_rsa.pub exists; pass PATH or --text KEY");
            flag = "PATH";
        }

        var full = Path.Combine(context.WorkingDirectory, ExpandHome(file, context));
        if (!File.Exists(full))
            throw CliException.BadValue(flag, file, "file not found");
        if (!full.EndsWith(".pub", StringComparison.Ordinal) && File.ReadAllText(full).Contains("PRIVATE KEY", StringComparison.Ordinal))
            throw CliException.BadValue(flag, file, "this is a private key; give the .pub file next to it");
        var line = File.ReadLines(full).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        return SshPublicKey.TryParse(line) ?? throw CliException.BadValue(flag, file, "the file does not hold " + SshPublicKey.FormatDescription);
    }

    private static string ExpandHome(string path, CliContext context) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ? context.HomeDirectory + path[1..] : path;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
