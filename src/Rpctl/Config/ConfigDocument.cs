using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Config;

/// <summary>
/// config.yaml in memory: <c>version</c>, <c>active_profile</c>, <c>profiles: {name: {key: value}}</c>.
/// Unknown keys are kept as they are, so an older rpctl never drops what a newer one wrote.
/// </summary>
internal sealed partial class ConfigDocument(JsonObject root)
{
    public const int CurrentVersion = 1;
    public const string DefaultProfile = "default";

    public JsonObject Root { get; } = VersionFirst(root);

    public string? ActiveProfile
    {
        get => YamlTree.Text(Root["active_profile"]);
        set => Root["active_profile"] = value;
    }

    public IReadOnlyList<string> ProfileNames => Profiles()?.Select(p => p.Key).ToList() ?? [];

    public bool HasProfile(string name) => Profiles()?.ContainsKey(name) == true;

    /// <summary>The stored values of a profile (empty when it does not exist).</summary>
    public IReadOnlyDictionary<string, string> Values(string profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Profiles()?[profile] is JsonObject p)
        {
            foreach (var (key, node) in p)
            {
                if (YamlTree.Text(node) is { } text)
                    values[key] = text;
            }
        }

        return values;
    }

    public JsonObject EnsureProfile(string name)
    {
        ValidateProfileName(name, "--profile");
        var profiles = Profiles();
        if (profiles is null)
            Root["profiles"] = profiles = new JsonObject();
        if (profiles[name] is not JsonObject p)
            profiles[name] = p = new JsonObject();
        return p;
    }

    public void Set(string profile, string key, string value) => EnsureProfile(profile)[key] = value;

    public bool Unset(string profile, string key) => Profiles()?[profile] is JsonObject p && p.Remove(key);

    public bool RemoveProfile(string name) => Profiles()?.Remove(name) == true;

    /// <summary>The tree to write, stamped with the format version (read back as text; written as a number).</summary>
    public JsonObject ForSaving()
    {
        Root["version"] = CurrentVersion;
        return Root;
    }

    /// <summary>version first, so a new file reads top-down; existing keys keep their order.</summary>
    private static JsonObject VersionFirst(JsonObject root)
    {
        if (root["version"] is not null)
            return root;
        var ordered = new JsonObject { ["version"] = CurrentVersion };
        foreach (var (key, node) in root.ToList())
        {
            root.Remove(key);
            ordered[key] = node;
        }

        return ordered;
    }

    public static void ValidateProfileName(string name, string flag)
    {
        if (!NamePattern().IsMatch(name))
            throw CliException.BadValue(flag, name, "a profile name is 1-64 letters, digits, '-' or '_', starting with a letter or digit");
    }

    private JsonObject? Profiles() => Root["profiles"] as JsonObject;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
