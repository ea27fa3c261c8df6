using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>
/// The only way commands print data. stdout carries data only; notes and progress go to stderr.
/// JSON and YAML show the API's own objects; CSV and YAML come from the same JSON tree.
/// </summary>
internal sealed class OutputWriter(TextWriter stdout, TextWriter stderr, OutputFormat format)
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    public OutputFormat Format { get; } = format;

    public bool IsTable => Format == OutputFormat.Table;

    public void WriteList(IReadOnlyList<JsonNode> items, TableSpec spec)
    {
        switch (Format)
        {
            case OutputFormat.Table:
                TableWriter.WriteList(stdout, spec.ListColumns, items);
                break;
            case OutputFormat.Csv:
                CsvWriter.Write(stdout, items);
                break;
            case OutputFormat.Yaml:
                YamlWriter.Write(stdout, new JsonArray(items.Select(i => i.DeepClone()).ToArray()));
                break;
            default:
                JsonOutput.WriteArray(stdout, items, (json, item) => item.WriteTo(json, Pretty));
                break;
        }
    }

    /// <summary>
    /// A list printed straight from the API's response document. JSON streams the elements (secret
    /// env values masked as they are written); a table reads each row's cells from a short-lived
    /// view of its element. Neither holds a second copy of the list. CSV and YAML need every row
    /// first (the CSV header is the union of all fields), so they build their trees.
    /// </summary>
    public void WriteList(IReadOnlyList<JsonElement> items, TableSpec spec, bool showSecrets)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                JsonOutput.WriteArray(stdout, items, showSecrets ? (json, item) => item.WriteTo(json) : SecretMasker.WriteMasked);
                break;
            case OutputFormat.Table:
                TableWriter.WriteList(stdout, spec.ListColumns, items, item => View(item, showSecrets));
                break;
            default:
                WriteList(items.Select(item => View(item, showSecrets)).ToList(), spec);
                break;
        }
    }

    /// <summary>A resource as a tree backed by its element (nothing is re-parsed), secrets masked unless asked.</summary>
    public static JsonNode View(JsonElement item, bool showSecrets)
    {
        var node = item.ValueKind == JsonValueKind.Object ? JsonObject.Create(item)! : JsonNode.Parse(item.GetRawText()) ?? new JsonObject();
        if (!showSecrets)
            SecretMasker.MaskEnv(node);
        return node;
    }

    public void WriteItem(JsonNode item, TableSpec spec)
    {
        switch (Format)
        {
            case OutputFormat.Table:
                TableWriter.WriteDetail(stdout, spec.DetailRows, item);
                break;
            case OutputFormat.Csv:
                CsvWriter.Write(stdout, [item]);
                break;
            default:
                WriteTree(item);
                break;
        }
    }

    /// <summary>For a command whose table form is a one-line summary (create, stop, ...).</summary>
    public void WriteResult(JsonNode item, string summary)
    {
        if (Format == OutputFormat.Table)
            stdout.WriteLine(summary);
        else if (Format == OutputFormat.Csv)
            CsvWriter.Write(stdout, [item]);
        else
            WriteTree(item);
    }

    /// <summary>JSON or YAML of any tree; tables fall back to indented JSON.</summary>
    public void WriteTree(JsonNode? node)
    {
        if (Format == OutputFormat.Yaml)
        {
            YamlWriter.Write(stdout, node);
            return;
        }

        if (node is null)
            stdout.WriteLine("null");
        else
            JsonOutput.WriteValue(stdout, json => node.WriteTo(json, Pretty));
    }

    public void Note(string message) => stderr.WriteLine(message);

    public void Warn(string message) => stderr.WriteLine("warning: " + message);
}
