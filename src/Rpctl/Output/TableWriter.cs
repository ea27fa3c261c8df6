using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>Plain aligned text tables; never truncated, never coloured when piped.</summary>
internal static class TableWriter
{
    public static void WriteList(TextWriter writer, IReadOnlyList<Column> columns, IReadOnlyList<JsonNode> items) =>
        WriteList(writer, columns, items, item => item);

    /// <summary>
    /// Two passes over the items: the first only measures the column widths, the second reads the
    /// cells again and writes them. Each row's view (<paramref name="view"/>) lives only while its
    /// row is read, so no table of cells and no second copy of the list is ever held.
    /// </summary>
    public static void WriteList<T>(TextWriter writer, IReadOnlyList<Column> columns, IReadOnlyList<T> items, Func<T, JsonNode> view)
    {
        var widths = columns.Select(c => c.Header.Length).ToArray();
        var row = new string[columns.Count];
        foreach (var item in items)
        {
            ReadRow(columns, view(item), row);
            for (var i = 0; i < row.Length; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);
        }

        WriteRow(writer, columns.Select(c => c.Header).ToArray(), widths);
        foreach (var item in items)
        {
            ReadRow(columns, view(item), row);
            WriteRow(writer, row, widths);
        }
    }

    private static void ReadRow(IReadOnlyList<Column> columns, JsonNode item, string[] row)
    {
        for (var i = 0; i < row.Length; i++)
            row[i] = Clean(columns[i].Cell(item));
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
            writer.Write(cells[i]);
            if (i < cells.Length - 1)
                Pad(writer, widths[i] + 2 - cells[i].Length);
        }

        writer.WriteLine();
    }

    private static readonly string Spaces = new(' ', 64);

    private static void Pad(TextWriter writer, int count)
    {
        for (; count > 0; count -= Spaces.Length)
            writer.Write(Spaces.AsSpan(0, Math.Min(count, Spaces.Length)));
    }

    // A newline or tab inside a cell would break the alignment of every row after it.
    private static string Clean(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
