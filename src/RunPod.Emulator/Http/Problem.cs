using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Http;

/// <summary>RFC 9457 problem+json bodies, the only error shape REST v2 uses.</summary>
internal static class Problem
{
    public static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    public static JsonObject Body(int status, string detail, IReadOnlyList<string>? errors = null)
    {
        var body = new JsonObject { ["title"] = Title(status), ["status"] = status, ["detail"] = detail };
        if (errors is { Count: > 0 })
        {
            body["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)e)]);
        }
        return body;
    }

    public static Task Write(HttpContext context, int status, string detail, IReadOnlyList<string>? errors = null)
    {
        context.Response.StatusCode = status;
        return JsonResponse.WriteBody(context, Body(status, detail, errors), "application/problem+json");
    }

    public static Task Write(HttpContext context, ApiException error) => Write(context, error.Status, error.Detail, error.Errors);
}
