using System.CommandLine;
using RunPod.Api.Http;
using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Commands.Config;

/// <summary>
/// <c>config init</c>: creates or updates one profile (key, defaults) and leaves every other
/// profile as it was. Interactive on a terminal; fully scriptable without one. No keyring needed.
/// </summary>
internal static class ConfigInitCommand
{
    public static Command Create(Invocation inv)
    {
        var keyStdin = new Option<bool>("--api-key-stdin") { Description = "Read the API key from the first line of stdin (for scripts and CI)" };
        var set = new Option<string[]>("--set") { Description = $"Store a default, KEY=VALUE (repeatable; keys: {ConfigKeys.Names})", HelpName = "KEY=VALUE" };
        var noPrompt = new Option<bool>("--no-prompt") { Description = "Do not ask anything even on a terminal" };
        return new Command("init", CommandExtensions.Describe(
                "Set up a profile: API key (hidden input), defaults; other profiles are kept",
                "rpctl config init",
                "printf '%s\\n' \"$RUNPOD_KEY\" | rpctl config init --api-key-stdin --profile ci --set cloud_type=community --set output=json"))
            .With(keyStdin, set, noPrompt)
            .Runs(inv, (parse, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeNew;
                var target = ConfigTarget.Resolve(inv, mayBeNew: true);
                var interactive = inv.Context.StdinIsTerminal && !parse.GetValue(noPrompt) && !parse.GetValue(keyStdin);
                var profile = target.Profile;
                if (interactive && parse.GetValue(inv.Global.Profile) is null)
                    profile = Ask(inv, "Profile name", profile) ?? profile;
                ConfigDocument.ValidateProfileName(profile, "the profile name");
                target = target with { Profile = profile };

                string? key = parse.GetValue(keyStdin) ? KeyInput.FromStdin(inv.Context, "--api-key-stdin") : null;
                var hadKey = target.Store.StoredKey(profile, null) is not null;
                if (interactive)
                {
                    key = KeyInput.Prompt(inv.Context, hadKey
                        ? $"RunPod API key for '{profile}' (input hidden; Enter keeps the stored key): "
                        : $"RunPod API key for '{profile}' (input hidden; Enter to skip and use RUNPOD_API_KEY): ");
                }

                target.Config.EnsureProfile(profile);
                target.ApplySets(parse.GetValue(set) ?? [], "--set");
                if (interactive)
                    AskDefaults(inv, target);

                var becameActive = target.Config.ActiveProfile is null || target.Config.ActiveProfile.Length == 0;
                if (becameActive)
                    target.Config.ActiveProfile = profile;
                target.Save();
                if (key is not null)
                    target.Store.SaveKey(profile, key);

                var keyText = key is not null ? $"key {Redaction.MaskKey(key)} saved to {target.Store.CredentialsPath} (mode 0600)"
                    : hadKey ? "stored key kept" : "no key stored (set RUNPOD_API_KEY or run 'rpctl config set-key')";
                inv.Output.Note($"profile '{profile}' saved to {target.Store.ConfigPath}; {keyText}");
                if (!becameActive && target.Config.ActiveProfile != profile)
                    inv.Output.Note($"the active profile is still '{target.Config.ActiveProfile}'; switch with 'rpctl config profile use {profile}'");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static void AskDefaults(Invocation inv, ConfigTarget target)
    {
        var current = target.Config.Values(target.Profile);
        foreach (var key in new[] { ConfigKeys.CloudType, ConfigKeys.Region, ConfigKeys.Output })
        {
            while (true)
            {
                var answer = Ask(inv, $"{key.Description} ({key.Valid})", current.GetValueOrDefault(key.Name));
                if (answer is null)
                    break;
                if (key.Check(answer) is { } valid)
                {
                    target.Config.Set(target.Profile, key.Name, valid);
                    break;
                }

                inv.Output.Warn($"'{answer}' is not valid for {key.Name}: expected {key.Valid}");
            }
        }
    }

    /// <summary>Asks on stderr; Enter keeps <paramref name="current"/> (returns null when nothing changes).</summary>
    private static string? Ask(Invocation inv, string question, string? current)
    {
        inv.Context.Err.Write(current is null ? $"{question}: " : $"{question} [{current}]: ");
        inv.Context.Err.Flush();
        var answer = inv.Context.In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) || answer == current ? null : answer;
    }
}
