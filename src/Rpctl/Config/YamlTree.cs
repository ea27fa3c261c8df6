using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Config;

/// <summary>
/// Reads and writes rpctl's own YAML files (config, credentials, presets) as JSON trees, with
/// YamlDotNet's representation model and emitter only (its reflection serializer is not AOT-safe).
/// Plain scalars follow YAML's core schema (numbers, booleans); the writer quotes strings that
/// would read as one, so values round-trip. Whoever uses a value validates it.
/// </summary>
internal static class YamlTree
{
    public static JsonObject Load(string path)
    {
        if (!File.Exists(path))
            return new JsonObject();
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new CliException(ExitCodes.Failure, $"{path} is not valid YAML (line {e.Start.Line}): {e.Message}; fix or remove the file");
        }

        if (stream.Documents.Count == 0)
            return new JsonObject();
        return Convert(stream.Documents[0].RootNode) as JsonObject
               ?? throw new CliException(ExitCodes.Failure, $"{path} must hold a YAML mapping at the top; fix or remove the file");
    }

    public static void Save(string path, JsonObject tree, bool secret)
    {
        var text = new StringWriter();
        YamlWriter.Write(text, tree);
        AtomicFile.Write(path, text.ToString(), secret);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create((kv.Key as YamlScalarNode)?.Value ?? kv.Key.ToString(), Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } n when long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode { Style: ScalarStyle.Plain } n when double.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };

    /// <summary>The text of a scalar read from YAML or set in memory (numbers and booleans included).</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
