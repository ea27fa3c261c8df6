using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Presets;

/// <summary>
/// A preset's values are create flags (names without dashes). Loading turns them into
/// command-line tokens parsed by the real options, so a hand-edited preset gets exactly the
/// validation (and error text) of a typed flag. Shared by pod and endpoint presets.
/// </summary>
internal static class PresetFlags
{
    /// <summary>Parses the preset's values with the create command's own options (on a command holding only them).</summary>
    public static ParseResult Parse(SavedPreset preset, string kind, IReadOnlyList<Option> storable, Option env)
    {
        if (preset.Kind != kind)
            throw CliException.Usage($"preset '{preset.Name}' is a {preset.Kind} preset; use it with '{preset.Kind} create --preset {preset.Name}'");
        var command = new Command("preset-values");
        foreach (var option in storable)
            command.Options.Add(option);
        var parse = command.Parse(Tokens(preset, kind, storable, env));
        if (parse.Errors.Count > 0)
            throw CliException.Usage($"preset '{preset.Name}' ({preset.Name}.yaml): {parse.Errors[0].Message}");
        return parse;
    }

    /// <summary>The tokens that give <paramref name="option"/> the value it has in <paramref name="parse"/> (none when not given).</summary>
    public static IEnumerable<string> Given(ParseResult parse, Option option)
    {
        if (parse.GetResult(option) is not OptionResult { Implicit: false } result)
            yield break;
        if (result.Tokens.Count == 0)
            yield return option.Name;
        foreach (var token in result.Tokens)
        {
            yield return option.Name;
            yield return token.Value;
        }
    }

    private static List<string> Tokens(SavedPreset preset, string kind, IReadOnlyList<Option> storable, Option env)
    {
        var tokens = new List<string>();
        foreach (var (key, node) in preset.Values)
        {
            var option = storable.FirstOrDefault(s => s.Name == "--" + key)
                         ?? throw CliException.Usage($"preset '{preset.Name}' has an unknown setting '{key}' (settings are {kind} create flags: {string.Join(", ", storable.Select(s => s.Name[2..]))})");
            switch (node)
            {
                case null:
                    break;
                case JsonObject map when option == env:
                    foreach (var (name, value) in map)
                        tokens.AddRange([option.Name, $"{name}={YamlTree.Text(value)}"]);
                    break;
                case JsonArray list:
                    foreach (var item in list)
                        tokens.AddRange([option.Name, YamlTree.Text(item) ?? ""]);
                    break;
                default:
                    var text = YamlTree.Text(node) ?? "";
                    if (option is Option<bool>)
                    {
                        if (!bool.TryParse(text, out var on))
                            throw CliException.Usage($"preset '{preset.Name}': invalid value '{text}' for {key}: expected true or false");
                        if (on)
                            tokens.Add(option.Name);
                    }
                    else
                    {
                        tokens.AddRange([option.Name, text]);
                    }

                    break;
            }
        }

        return tokens;
    }
}
