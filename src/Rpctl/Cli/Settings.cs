using Rpctl.Config;
using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>One effective setting and the layer it came from (shown by <c>rpctl config show</c>).</summary>
internal sealed record SettingValue(string Key, string? Value, string Source);

/// <summary>The effective settings of one run, after flags, environment, the selected profile and defaults are applied.</summary>
internal sealed record Settings(
    bool Local,
    Uri? ApiOrigin,
    string? ApiKey,
    string ApiKeySource,
    OutputFormat Output,
    bool Debug,
    string Profile,
    IReadOnlyList<SettingValue> Values,
    NetworkSettings Network)
{
    /// <summary>The effective value of a stored setting (environment, then profile), or null.</summary>
    public string? Stored(ConfigKey key) => Values.FirstOrDefault(v => v.Key == key.Name)?.Value;

    public SettingValue Get(string key) => Values.First(v => v.Key == key);

    /// <summary>A pod-create default (cloud_type, region, gpu), checked now that a command uses it; errors name where it came from.</summary>
    public string? Used(ConfigKey key) =>
        Stored(key) is { } value ? SettingsResolver.Checked(key, value, Origin(key)) : null;

    /// <summary>"environment variable RPCTL_GPU" or "setting gpu in profile 'default' (~/.config/rpctl/config.yaml)".</summary>
    public string Origin(ConfigKey key)
    {
        var source = Get(key.Name).Source;
        return source.StartsWith("profile ", StringComparison.Ordinal) ? $"setting {key.Name} in {source}" : source;
    }
}

/// <summary>Retry policy and time limits (flag, then environment, then default).</summary>
internal sealed record NetworkSettings(int Retries, TimeSpan RetryBudget, TimeSpan RequestTimeout, TimeSpan? Deadline, TimeSpan RetryBaseDelay)
{
    public static readonly NetworkSettings Default = new(4, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(60), null, TimeSpan.FromMilliseconds(500));
}
