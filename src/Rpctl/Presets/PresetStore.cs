using System.Text.RegularExpressions;
using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Presets;

/// <summary>Presets as <c>presets/NAME.yaml</c> beside the config, mode 0600 (they may hold env secrets).</summary>
internal sealed partial class PresetStore(CliContext context)
{
    public string Directory { get; } = new ConfigStore(context).PresetsDirectory;

    public string PathOf(string name) => Path.Combine(Directory, name + ".yaml");

    public IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.yaml")
                .Select(f => Path.GetFileNameWithoutExtension(f)!)
                .Where(n => NamePattern().IsMatch(n))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    public bool Exists(string name) => File.Exists(PathOf(name));

    public SavedPreset Load(string name, string flag)
    {
        Validate(name, flag);
        if (!Exists(name))
        {
            var known = Names();
            throw CliException.NotFound($"preset '{name}' not found (presets: {(known.Count > 0 ? string.Join(", ", known) : "none; create one with 'rpctl preset save'")})");
        }

        return SavedPreset.FromTree(name, YamlTree.Load(PathOf(name)));
    }

    public void Save(SavedPreset preset)
    {
        AtomicFile.EnsureDirectory(System.IO.Path.GetDirectoryName(Directory)!);
        AtomicFile.EnsureDirectory(Directory);
        YamlTree.Save(PathOf(preset.Name), preset.ToTree(), secret: true);
    }

    public bool Delete(string name) => Exists(name) && Remove(PathOf(name));

    private static bool Remove(string path)
    {
        File.Delete(path);
        return true;
    }

    public static void Validate(string name, string flag)
    {
        if (!NamePattern().IsMatch(name))
            throw CliException.BadValue(flag, name, "a preset name is 1-64 letters, digits, '-' or '_', starting with a letter or digit");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
