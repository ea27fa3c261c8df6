using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunPod.Emulator.Http;

internal static class JsonKinds
{
    /// <summary>JSON-schema type name of a node, as validators word it ("string", "integer", ...).</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    public static bool IsInteger(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var d) && Math.Floor(d) == d && !double.IsInfinity(d);
}
