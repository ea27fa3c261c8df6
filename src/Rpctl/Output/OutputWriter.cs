using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

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
            default:
                WriteTree(new JsonArray(items.Select(i => i.DeepClone()).ToArray()));
                break;
        }
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

        stdout.WriteLine(node is null ? "null" : node.ToJsonString(Pretty));
    }

    public void Note(string message) => stderr.WriteLine(message);

    public void Warn(string message) => stderr.WriteLine("warning: " + message);
}
