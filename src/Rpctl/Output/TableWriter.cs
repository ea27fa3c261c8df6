using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>Plain aligned text tables; never truncated, never coloured when piped.</summary>
internal static class TableWriter
{
    public static void WriteList(TextWriter writer, IReadOnlyList<Column> columns, IReadOnlyList<JsonNode> items)
    {
        var cells = items.Select(item => columns.Select(c => Clean(c.Cell(item))).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        WriteRow(writer, columns.Select(c => c.Header).ToArray(), widths);
        foreach (var row in cells)
            WriteRow(writer, row, widths);
    }

    public static void WriteDetail(TextWriter writer, IReadOnlyList<Column> rows, JsonNode item)
    {
        var values = rows.Select(r => (r.Header, Value: r.Cell(item))).Where(r => r.Value.Length > 0).ToList();
        var width = values.Count == 0 ? 0 : values.Max(r => r.Header.Length) + 1;
        foreach (var (header, value) in values)
        {
            var lines = value.Split('\n');
            writer.WriteLine((header + ":").PadRight(width) + " " + lines[0]);
            foreach (var more in lines.Skip(1))
                writer.WriteLine(new string(' ', width + 1) + more);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            writer.Write(last ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        writer.WriteLine();
    }

    // A newline or tab inside a cell would break the alignment of every row after it.
    private static string Clean(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
