using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>Small readers for table cells.</summary>
internal static class JsonPath
{
    /// <summary>Follows a dotted path such as <c>gpu.id</c>; null when any step is missing.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
                return null;
        }

        return node;
    }

    public static string Text(JsonNode? node, string path) => Scalar(At(node, path));

    public static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => FormatNumber(v),
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    /// <summary>Through the JSON text, so values built in code (int, double) read like parsed ones.</summary>
    private static string FormatNumber(JsonValue v)
    {
        var text = v.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? l.ToString(CultureInfo.InvariantCulture)
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture);
    }
}
