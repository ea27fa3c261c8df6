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
    IReadOnlyList<SettingValue> Values)
{
    /// <summary>The effective value of a stored setting (environment, then profile), or null.</summary>
    public string? Stored(ConfigKey key) => Values.FirstOrDefault(v => v.Key == key.Name)?.Value;

    public SettingValue Get(string key) => Values.First(v => v.Key == key);
}
