using System.CommandLine;
using RunPod.Api.Http;
using Rpctl.Cli;

namespace Rpctl.Commands.Config;

/// <summary><c>config set-key</c>: stores the selected profile's API key in credentials.yaml (mode 0600).</summary>
internal static class ConfigSetKeyCommand
{
    public static Command Create(Invocation inv)
    {
        var keyStdin = new Option<bool>("--api-key-stdin") { Description = "Read the key from stdin (implied when stdin is not a terminal)" };
        var remove = new Option<bool>("--remove") { Description = "Forget the stored key of the profile" };
        return new Command("set-key", CommandExtensions.Describe("Store the API key of the selected profile (hidden prompt, or stdin)",
                "rpctl config set-key",
                "printf '%s\\n' \"$KEY\" | rpctl --profile ci config set-key --api-key-stdin"))
            .With(keyStdin, remove)
            .Runs(inv, (parse, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeNew;
                var target = ConfigTarget.Resolve(inv, mayBeNew: true);
                if (parse.GetValue(remove))
                {
                    target.Store.SaveKey(target.Profile, null);
                    inv.Output.Note($"key of profile '{target.Profile}' removed from {target.Store.CredentialsPath}");
                    return Task.FromResult(ExitCodes.Success);
                }

                var key = parse.GetValue(keyStdin) || !inv.Context.StdinIsTerminal
                    ? KeyInput.FromStdin(inv.Context, "--api-key-stdin")
                    : KeyInput.Prompt(inv.Context, $"RunPod API key for '{target.Profile}' (input hidden): ")
                      ?? throw CliException.Usage("no key entered; nothing was changed");

                // The profile must exist in config.yaml too, or selecting it later would fail.
                if (!target.Config.HasProfile(target.Profile))
                {
                    target.Config.EnsureProfile(target.Profile);
                    if (string.IsNullOrEmpty(target.Config.ActiveProfile))
                        target.Config.ActiveProfile = target.Profile;
                    target.Save();
                }

                target.Store.SaveKey(target.Profile, key);
                inv.Output.Note($"key {Redaction.MaskKey(key)} saved for profile '{target.Profile}' in {target.Store.CredentialsPath} (mode 0600)");
                return Task.FromResult(ExitCodes.Success);
            });
    }
}
