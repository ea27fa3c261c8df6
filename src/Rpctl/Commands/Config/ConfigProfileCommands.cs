using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using Rpctl.Cli;
using Rpctl.Completion;
using Rpctl.Config;
using Rpctl.Output;

namespace Rpctl.Commands.Config;

/// <summary><c>config profile list|add|use|remove</c>.</summary>
internal static class ConfigProfileCommands
{
    private static readonly TableSpec Spec = new(
        [
            new Column("ACTIVE", p => JsonPath.At(p, "active")?.GetValue<bool>() == true ? "*" : ""),
            new Column("NAME", p => JsonPath.Text(p, "name")),
            new Column("API KEY", p => JsonPath.Text(p, "apiKey")),
            new Column("SETTINGS", p => JsonPath.At(p, "settings") is JsonObject s ? string.Join(", ", s.Select(kv => $"{kv.Key}={JsonPath.Scalar(kv.Value)}")) : ""),
        ],
        []);

    public static Command Create(Invocation inv) =>
        new Command("profile", CommandExtensions.Describe("Manage configuration profiles", "rpctl config profile list", "rpctl config profile use work"))
            .With(List(inv), Add(inv), Use(inv), Remove(inv));

    /// <summary>A profile name argument that completes from config.yaml.</summary>
    public static Argument<string> NameArgument(Invocation inv, string description)
    {
        var name = new Argument<string>("NAME") { Description = description };
        name.CompletionSources.Add(_ => DynamicCompletions.Profiles(inv));
        return name;
    }

    private static Command List(Invocation inv) =>
        new Command("list", CommandExtensions.Describe("List profiles; * marks the one in use", "rpctl config profile list", "rpctl config profile list -o json"))
            .Runs(inv, (_, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                var store = new ConfigStore(inv.Context);
                var config = store.Load();
                var active = inv.Settings.Profile;
                var names = config.ProfileNames.ToList();
                if (!names.Contains(ConfigDocument.DefaultProfile) && active == ConfigDocument.DefaultProfile)
                    names.Insert(0, ConfigDocument.DefaultProfile);
                var rows = names.Select(n => (JsonNode)new JsonObject
                {
                    ["name"] = n,
                    ["active"] = n == active,
                    ["apiKey"] = store.StoredKey(n, null) is { } k ? Redaction.MaskKey(k) : null,
                    ["settings"] = new JsonObject(config.Values(n).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                }).ToList();
                inv.Output.WriteList(rows, Spec);
                return Task.FromResult(ExitCodes.Success);
            });

    private static Command Add(Invocation inv)
    {
        var name = new Argument<string>("NAME") { Description = "New profile name (letters, digits, - and _)" };
        var set = new Option<string[]>("--set") { Description = $"Store a default, KEY=VALUE (repeatable; keys: {ConfigKeys.Names})", HelpName = "KEY=VALUE" };
        var use = new Option<bool>("--use") { Description = "Make it the active profile" };
        return new Command("add", CommandExtensions.Describe("Add a profile (exit 5 when it exists)",
                "rpctl config profile add work --set cloud_type=community --set region=EU-RO-1 --use"))
            .With(name, set, use)
            .Runs(inv, (parse, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                var store = new ConfigStore(inv.Context);
                var config = store.Load();
                var profile = parse.GetValue(name)!;
                ConfigDocument.ValidateProfileName(profile, "NAME");
                if (config.HasProfile(profile))
                    throw CliException.Conflict($"profile '{profile}' already exists; change it with 'rpctl --profile {profile} config set KEY VALUE'");
                var target = new ConfigTarget(store, config, profile, "argument");
                config.EnsureProfile(profile);
                target.ApplySets(parse.GetValue(set) ?? [], "--set");
                if (parse.GetValue(use) || string.IsNullOrEmpty(config.ActiveProfile))
                    config.ActiveProfile = profile;
                store.Save(config);
                inv.Output.Note($"profile '{profile}' added{(config.ActiveProfile == profile ? " and active" : "")}");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static Command Use(Invocation inv)
    {
        var name = NameArgument(inv, "Profile to make active");
        return new Command("use", CommandExtensions.Describe("Make a profile the active one (stored in config.yaml)", "rpctl config profile use work"))
            .With(name)
            .Runs(inv, (parse, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                var store = new ConfigStore(inv.Context);
                var config = store.Load();
                var profile = parse.GetValue(name)!;
                if (!config.HasProfile(profile))
                {
                    if (profile != ConfigDocument.DefaultProfile)
                        throw CliException.NotFound($"profile '{profile}' does not exist (profiles: {Known(config)})");
                    config.EnsureProfile(profile);
                }

                config.ActiveProfile = profile;
                store.Save(config);
                inv.Output.Note($"active profile: {profile}");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static Command Remove(Invocation inv)
    {
        var name = NameArgument(inv, "Profile to remove, with its stored key");
        var yes = SharedOptions.Yes();
        return new Command("remove", CommandExtensions.Describe("Remove a profile and its stored key", "rpctl config profile remove old --yes"))
            .With(name, yes)
            .Runs(inv, (parse, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                var store = new ConfigStore(inv.Context);
                var config = store.Load();
                var profile = parse.GetValue(name)!;
                if (!config.HasProfile(profile) && store.StoredKey(profile, null) is null)
                    throw CliException.NotFound($"profile '{profile}' does not exist (profiles: {Known(config)})");
                Confirmation.Require(inv, $"Remove profile '{profile}' and its stored API key?", parse.GetValue(yes));
                config.RemoveProfile(profile);
                if (config.ActiveProfile == profile)
                    config.ActiveProfile = null;
                store.Save(config);
                if (store.StoredKey(profile, null) is not null)
                    store.SaveKey(profile, null);
                inv.Output.Note($"profile '{profile}' removed" + (config.ActiveProfile is null ? "; no profile is active now ('default' applies)" : ""));
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static string Known(ConfigDocument config) => config.ProfileNames.Count > 0 ? string.Join(", ", config.ProfileNames) : "none";
}
