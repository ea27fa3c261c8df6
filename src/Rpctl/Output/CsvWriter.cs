using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>
/// CSV from the JSON tree: nested objects are flattened to dotted column names, arrays are written
/// as compact JSON, and the header is the union of fields in first-seen order (RFC 4180 quoting).
/// </summary>
internal static class CsvWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<JsonNode?> rows)
    {
        var flat = rows.Select(Flatten).ToList();
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in flat)
        {
            foreach (var key in row.Keys)
            {
                if (seen.Add(key))
                    columns.Add(key);
            }
        }

        writer.WriteLine(string.Join(",", columns.Select(Quote)));
        foreach (var row in flat)
            writer.WriteLine(string.Join(",", columns.Select(c => Quote(row.TryGetValue(c, out var v) ? v : ""))));
    }

    private static Dictionary<string, string> Flatten(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
            FlattenInto(result, "", obj);
        else
            result["value"] = JsonPath.Scalar(node);
        return result;
    }

    private static void FlattenInto(Dictionary<string, string> into, string prefix, JsonObject obj)
    {
        foreach (var (key, value) in obj)
        {
            var name = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is JsonObject child && child.Count > 0)
                FlattenInto(into, name, child);
            else if (value is JsonObject)
                into[name] = "";
            else
                into[name] = value is JsonArray arr ? arr.ToJsonString() : JsonPath.Scalar(value);
        }
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ')
            ? "\"" + field.Replace("\"", "\"\"") + "\""
            : field;
}
