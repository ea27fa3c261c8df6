using System.CommandLine;
using Rpctl.Config;
using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>How a command treats a selected profile that is not in config.yaml.</summary>
internal enum ProfileUse
{
    /// <summary>Not found, exit 3 (every command that uses the settings).</summary>
    MustExist,

    /// <summary>The command creates it (config init, set-key).</summary>
    MayBeNew,

    /// <summary>A warning: commands that inspect or repair the configuration must work while it is broken.</summary>
    MayBeMissing,
}

/// <summary>
/// Applies precedence, highest first: flag, environment, the selected profile (--profile, then
/// RPCTL_PROFILE, then active_profile), built-in default. Each layer is looked at only when the
/// ones above have no value. Reads local files only; nothing here touches the network, and no
/// file needs to exist.
/// </summary>
internal static class SettingsResolver
{
    public static Settings Resolve(ParseResult parse, GlobalOptions global, CliContext ctx, ProfileUse profileUse = ProfileUse.MustExist, Action<string>? warn = null)
    {
        var store = new ConfigStore(ctx);
        var config = store.Load();
        var values = new List<SettingValue>();

        var (profile, profileSource) = SelectProfile(parse, global, ctx, config);
        if (profileUse != ProfileUse.MayBeNew && profile != ConfigDocument.DefaultProfile && !config.HasProfile(profile))
        {
            var known = config.ProfileNames.Count > 0 ? string.Join(", ", config.ProfileNames) : "none yet";
            var missing = $"profile '{profile}' ({profileSource}) does not exist (profiles: {known})";
            if (profileUse != ProfileUse.MayBeMissing)
                throw CliException.NotFound($"{missing}; create it with 'rpctl config profile add {profile}'");
            warn?.Invoke($"{missing}; built-in defaults apply");
        }

        values.Add(new SettingValue("profile", profile, profileSource));
        var stored = config.Values(profile);
        var profileLayer = $"profile '{profile}' ({store.ConfigPath})";

        // check: false keeps the value as written, to be checked by the command that uses it (Settings.Used).
        SettingValue Layered(ConfigKey key, string? flagValue, string? flagName, bool check = true)
        {
            string Value(string raw, string where) => check ? Checked(key, raw, where) : raw.Trim();
            if (flagValue is not null)
                return new SettingValue(key.Name, Value(flagValue, flagName!), "flag " + flagName);
            if (ctx.Env(key.EnvVar) is { } env)
                return new SettingValue(key.Name, Value(env, "environment variable " + key.EnvVar), "environment variable " + key.EnvVar);
            if (stored.TryGetValue(key.Name, out var fromProfile) && fromProfile.Trim().Length > 0)
                return new SettingValue(key.Name, Value(fromProfile, $"setting {key.Name} in {profileLayer}"), profileLayer);
            return new SettingValue(key.Name, null, "default");
        }

        var local = parse.GetValue(global.Local);
        if (local && parse.GetResult(global.ApiUrl) is { Implicit: false })
            throw CliException.Usage("--local and --api-url cannot be used together");

        var url = Layered(ConfigKeys.ApiUrl, parse.GetValue(global.ApiUrl), "--api-url");
        Uri? origin = url.Value is null || local ? null : new Uri(url.Value);
        values.Add(local ? url with { Value = "(built-in emulator)", Source = "flag --local" }
            : url.Value is null ? url with { Value = new RunPod.Api.RunPodClientOptions().RestOrigin.ToString().TrimEnd('/') }
            : url);

        if (parse.GetValue(global.Json) && parse.GetValue(global.Output) is { } other && !other.Trim().Equals("json", StringComparison.OrdinalIgnoreCase))
            throw CliException.Usage($"--json means --output json; it cannot be combined with --output {other}");
        var outputFlag = parse.GetValue(global.Json) ? "json" : parse.GetValue(global.Output);
        var output = Layered(ConfigKeys.Output, outputFlag, parse.GetValue(global.Json) ? "--json" : "--output");
        values.Add(output.Value is null ? output with { Value = "table" } : output);
        OutputFormats.TryParse(output.Value ?? "table", out var format);

        // Pod create defaults: a bad one must not break 'pod list', so they are checked where used.
        foreach (var key in new[] { ConfigKeys.CloudType, ConfigKeys.Region, ConfigKeys.Gpu })
            values.Add(Layered(key, null, null, check: false));

        var (apiKey, keySource) = local
            ? (Invocation.LocalApiKey, "flag --local (built-in emulator account)")
            : ResolveKey(ctx, store, profile, warn);
        values.Insert(1, new SettingValue("api_key", apiKey, keySource));

        var network = ResolveNetwork(parse, global, ctx, stored, profileLayer, values);
        return new Settings(local, origin, apiKey, keySource, format, parse.GetValue(global.Debug), profile, values, network);
    }

    /// <summary>
    /// Retry and time settings: flag, then RPCTL_* environment variable, then the profile's key
    /// (retries, retry_budget, request_timeout, deadline), then the default. Each layer's value is
    /// validated with an error naming where it came from.
    /// </summary>
    public static NetworkSettings ResolveNetwork(ParseResult parse, GlobalOptions global, CliContext ctx,
        IReadOnlyDictionary<string, string>? profile = null, string? profileLayer = null, List<SettingValue>? sources = null)
    {
        var d = NetworkSettings.Default;
        string? FromProfile(ConfigKey key) =>
            profile is not null && profile.TryGetValue(key.Name, out var v) && v.Trim().Length > 0 ? v : null;
        T? Layer<T>(ConfigKey key, Option<T?> flag, Func<string, string, T> read) where T : struct
        {
            if (parse.GetValue(flag) is { } given)
                return Note(key, given, "flag " + key.Flag);
            if (ctx.Env(key.EnvVar) is { } env)
                return Note(key, read(env, $"{key.EnvVar} (or {key.Flag})"), "environment variable " + key.EnvVar);
            if (FromProfile(key) is { } stored)
                return Note(key, read(stored, $"{key.Name} in {profileLayer ?? "the profile"}"), profileLayer ?? "profile");
            sources?.Add(new SettingValue(key.Name, null, "default"));
            return null;
        }

        T Note<T>(ConfigKey key, T value, string source)
        {
            sources?.Add(new SettingValue(key.Name, value is TimeSpan span ? Services.Durations.Format(span) : value!.ToString(), source));
            return value;
        }

        var retries = Layer(ConfigKeys.Retries, global.Retries, (text, where) => ReadInt(text, where, 0, 20)) ?? d.Retries;
        var budget = Layer(ConfigKeys.RetryBudget, global.RetryBudget, (text, where) => ReadDuration(text, where, allowZero: true)) ?? d.RetryBudget;
        var timeout = Layer(ConfigKeys.RequestTimeout, global.RequestTimeout, (text, where) => ReadDuration(text, where, allowZero: false)) ?? d.RequestTimeout;
        var deadline = Layer(ConfigKeys.Deadline, global.Deadline, (text, where) => ReadDuration(text, where, allowZero: false));
        // Not a flag: lets scripts and tests shorten backoff without changing the policy's shape.
        var baseDelay = ctx.Env("RPCTL_RETRY_BASE_DELAY") is { } delay ? ReadDuration(delay, "RPCTL_RETRY_BASE_DELAY", allowZero: true) : d.RetryBaseDelay;
        return new NetworkSettings(retries, budget, timeout, deadline, baseDelay);
    }

    /// <summary>The profile's stored values for the network settings, or null when the config cannot be read here (the command reports that itself).</summary>
    public static (IReadOnlyDictionary<string, string>? Values, string? Layer) ProfileForNetwork(ParseResult parse, GlobalOptions global, CliContext ctx)
    {
        try
        {
            var store = new ConfigStore(ctx);
            var config = store.Load();
            var (profile, _) = SelectProfile(parse, global, ctx, config);
            return (config.Values(profile), $"profile '{profile}' ({store.ConfigPath})");
        }
        catch (CliException)
        {
            return (null, null);
        }
    }

    private static int ReadInt(string text, string where, int min, int max)
    {
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        throw CliException.BadValue(where, text, $"expected a whole number from {min} to {max}");
    }

    private static TimeSpan ReadDuration(string text, string where, bool allowZero)
    {
        var value = Services.Durations.Parse(where, text);
        if (!allowZero && value <= TimeSpan.Zero)
            throw CliException.BadValue(where, text, "expected a duration greater than zero");
        return value;
    }

    /// <summary>--profile, then RPCTL_PROFILE, then active_profile, then "default". Not validated against the file here.</summary>
    public static (string Name, string Source) SelectProfile(ParseResult parse, GlobalOptions global, CliContext ctx, ConfigDocument config)
    {
        var (name, source) = parse.GetValue(global.Profile) is { } flag ? (flag, "flag --profile")
            : ctx.Env("RPCTL_PROFILE") is { } env ? (env, "environment variable RPCTL_PROFILE")
            : config.ActiveProfile is { Length: > 0 } active ? (active, "active_profile in config.yaml")
            : (ConfigDocument.DefaultProfile, "default");
        ConfigDocument.ValidateProfileName(name, source.StartsWith("flag", StringComparison.Ordinal) ? "--profile" : source);
        return (name, source);
    }

    private static (string? Key, string Source) ResolveKey(CliContext ctx, ConfigStore store, string profile, Action<string>? warn)
    {
        if (ctx.Env("RUNPOD_API_KEY") is { } envKey)
            return (envKey.Trim(), "environment variable RUNPOD_API_KEY");
        if (store.StoredKey(profile, warn) is { } stored)
            return (stored, $"profile '{profile}' ({store.CredentialsPath})");
        if (RunPodToml.ReadKey(store.RunPodTomlPath) is { } toml)
            return (toml, store.RunPodTomlPath);
        return (null, "none");
    }

    internal static string Checked(ConfigKey key, string value, string where) =>
        key.Check(value) ?? throw CliException.BadValue(where, value, "expected " + key.Valid);
}
