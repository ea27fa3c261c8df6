using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Http;

internal static class JsonResponse
{
    /// <summary>Readable output: RunPod does not escape quotes-as-\u0027 or non-ASCII.</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task Write(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        return WriteBody(context, body, "application/json");
    }

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = Compact.Encoder };

    /// <summary>Bytes handed to the socket at a time while a long list is streamed.</summary>
    private const int FlushBytes = 64 * 1024;

    public static async Task WriteBody(HttpContext context, JsonNode body, string contentType)
    {
        context.Response.ContentType = contentType;
        // UTF-8 straight into the response pipe: no intermediate string of the whole body.
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, CompactWriter))
        {
            body.WriteTo(writer);
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// A list envelope such as <c>{"pods":[...]}</c>, each item rendered only when it is written
    /// and flushed in chunks, so the memory a list costs does not grow with the account.
    /// </summary>
    public static async Task WriteList<T>(HttpContext context, int status, string envelope, IReadOnlyList<T> items, Func<T, JsonNode> render)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var pipe = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(pipe, CompactWriter);
        writer.WriteStartObject();
        writer.WriteStartArray(envelope);
        foreach (var item in items)
        {
            render(item).WriteTo(writer);
            if (writer.BytesPending >= FlushBytes)
            {
                writer.Flush();
                await pipe.FlushAsync(context.RequestAborted);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(context.RequestAborted);
    }

    public static void NoContent(HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;

    /// <summary>
    /// Reads the request body as a JSON object. Unparseable JSON is a 400; a non-object
    /// document is a schema violation (422) like any other.
    /// </summary>
    public static async Task<JsonObject> ReadObject(HttpContext context)
    {
        context.Request.EnableBuffering();
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.Validation(["$: expected object, but got null"]);
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"request body is not valid JSON: {e.Message}");
        }
        return node as JsonObject ?? throw ApiException.Validation([$"$: expected object, but got {JsonKinds.Describe(node)}"]);
    }
}
