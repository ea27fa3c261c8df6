using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Commands.Config;

/// <summary>The config files and the profile a config command works on (--profile, RPCTL_PROFILE, active_profile, "default").</summary>
internal sealed record ConfigTarget(ConfigStore Store, ConfigDocument Config, string Profile, string ProfileSource)
{
    public static ConfigTarget Resolve(Invocation inv, bool mayBeNew = false)
    {
        var store = new ConfigStore(inv.Context);
        var config = store.Load();
        var (profile, source) = SettingsResolver.SelectProfile(inv.Parse!, inv.Global, inv.Context, config);
        if (!mayBeNew && profile != ConfigDocument.DefaultProfile && !config.HasProfile(profile))
            throw CliException.NotFound($"profile '{profile}' ({source}) does not exist; create it with 'rpctl config profile add {profile}'");
        return new ConfigTarget(store, config, profile, source);
    }

    public void Save() => Store.Save(Config);

    /// <summary>Applies <c>--set key=value</c> pairs: known keys only, each value validated and stored canonically.</summary>
    public void ApplySets(IEnumerable<string> pairs, string flag)
    {
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw CliException.BadValue(flag, pair, $"expected KEY=VALUE with KEY one of {ConfigKeys.Names}");
            var key = Key(pair[..eq].Trim(), flag);
            Config.Set(Profile, key.Name, Value(key, pair[(eq + 1)..], flag + " " + key.Name));
        }
    }

    public static ConfigKey Key(string name, string what)
    {
        if (name.Replace('-', '_').Equals("api_key", StringComparison.OrdinalIgnoreCase))
            throw CliException.Usage("the API key is not a config value: use 'rpctl config set-key' (it is kept in credentials.yaml, mode 0600)");
        return ConfigKeys.Find(name) ?? throw CliException.BadValue(what, name, "expected one of " + ConfigKeys.Names);
    }

    public static string Value(ConfigKey key, string value, string what) =>
        key.Check(value) ?? throw CliException.BadValue(what, value, "expected " + key.Valid);
}
