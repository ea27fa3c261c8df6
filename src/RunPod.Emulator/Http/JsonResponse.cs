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

    public static Task WriteBody(HttpContext context, JsonNode body, string contentType)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body.ToJsonString(Compact), Encoding.UTF8);
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
