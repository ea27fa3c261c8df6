using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Rpctl.Output;

/// <summary>
/// Emits YAML from the same JSON tree as the JSON output, with YamlDotNet's emitter (its
/// reflection serializer is not AOT-safe). Strings that YAML would read as another type
/// (<c>OFF</c>, <c>true</c>, <c>12.8</c>, <c>null</c>) are quoted so they round-trip as strings.
/// </summary>
internal static partial class YamlWriter
{
    public static void Write(TextWriter writer, JsonNode? node)
    {
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        EmitNode(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
    }

    private static void EmitNode(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitString(emitter, key);
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray arr:
                emitter.Emit(new SequenceStart(null, null, true, arr.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in arr)
                    EmitNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string text)
    {
        var style = IsSafePlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    private static bool IsSafePlain(string s) =>
        s.Length > 0 && SafePlain().IsMatch(s) && !Reserved.Contains(s) && !LooksNumeric().IsMatch(s);

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_ ./@+-]*(?<![ ])$")]
    private static partial Regex SafePlain();

    [GeneratedRegex(@"^[-+]?(\.?[0-9]|0x|0o|\.inf|\.nan)", RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}
