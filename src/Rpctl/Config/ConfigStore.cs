using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Config;

/// <summary>
/// Where rpctl keeps its files and how they are read and written: config.yaml (settings, no
/// secrets), credentials.yaml (API keys per profile, mode 0600) and presets/ (mode 0600).
/// Nothing is created until a command writes; every read tolerates missing files.
/// </summary>
internal sealed class ConfigStore(CliContext context)
{
    public string Directory { get; } = context.ConfigDirectory;

    public string ConfigPath => Path.Combine(Directory, "config.yaml");

    public string CredentialsPath => Path.Combine(Directory, "credentials.yaml");

    public string PresetsDirectory => Path.Combine(Directory, "presets");

    /// <summary>RunPod's own CLI/SDK credentials, read as a last resort for the key.</summary>
    public string RunPodTomlPath => Path.Combine(context.HomeDirectory, ".runpod", "config.toml");

    public ConfigDocument Load()
    {
        var root = YamlTree.Load(ConfigPath);
        if (int.TryParse(YamlTree.Text(root["version"]), out var version) && version > ConfigDocument.CurrentVersion)
            throw new CliException(ExitCodes.Failure, $"{ConfigPath} was written by a newer rpctl (version {version}); upgrade rpctl");
        return new ConfigDocument(root);
    }

    public void Save(ConfigDocument document) => YamlTree.Save(ConfigPath, document.ForSaving(), secret: false);

    /// <summary>The stored key of a profile; warns (once per run) when the file is readable by others.</summary>
    public string? StoredKey(string profile, Action<string>? warn)
    {
        if (!File.Exists(CredentialsPath))
            return null;
        if (warn is not null && AtomicFile.ReadableByOthers(CredentialsPath))
            warn($"{CredentialsPath} is readable by other users (mode {AtomicFile.ModeText(CredentialsPath)}); run: chmod 600 {CredentialsPath}");
        var key = YamlTree.Text(YamlTree.Load(CredentialsPath)["profiles"]?[profile]?["api_key"]);
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    public void SaveKey(string profile, string? key)
    {
        var root = YamlTree.Load(CredentialsPath);
        root["version"] = ConfigDocument.CurrentVersion;
        if (root["profiles"] is not JsonObject profiles)
            root["profiles"] = profiles = new JsonObject();
        if (key is null)
            profiles.Remove(profile);
        else
            profiles[profile] = new JsonObject { ["api_key"] = key };
        YamlTree.Save(CredentialsPath, root, secret: true);
    }
}
