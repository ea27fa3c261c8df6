using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rpctl.Output;

/// <summary>
/// Indented JSON written with <see cref="Utf8JsonWriter"/> in chunks, so a list of any length is
/// printed without first becoming one string (or one tree) in memory. The format is exactly
/// <c>JsonNode.ToJsonString</c> with indentation and relaxed escaping, plus a final newline.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Big enough that a process writes few, large pipe writes; small enough to stay in cache.
    private const int ChunkBytes = 64 * 1024;

    /// <summary>A JSON array whose items are written one at a time by <paramref name="writeItem"/>.</summary>
    public static void WriteArray<T>(TextWriter output, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                writeItem(json, item);
                if (json.BytesPending + buffer.WrittenCount >= ChunkBytes)
                {
                    json.Flush();
                    Drain(output, buffer);
                }
            }

            json.WriteEndArray();
        }

        Drain(output, buffer);
        output.WriteLine();
    }

    /// <summary>One JSON value (an object, or any tree).</summary>
    public static void WriteValue(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Indented))
            write(json);
        Drain(output, buffer);
        output.WriteLine();
    }

    /// <summary>
    /// A process's stdout is a <see cref="StreamWriter"/>: its bytes go straight to the stream (after
    /// what the writer already holds). Any other writer (tests) gets the text; chunks end on token
    /// boundaries, so no UTF-8 sequence is ever split.
    /// </summary>
    private static void Drain(TextWriter output, ArrayBufferWriter<byte> buffer)
    {
        if (buffer.WrittenCount == 0)
            return;
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } writer && writer.Encoding is UTF8Encoding)
        {
            writer.Flush();
            stream.Write(buffer.WrittenSpan);
        }
        else
        {
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        buffer.ResetWrittenCount();
    }
}
