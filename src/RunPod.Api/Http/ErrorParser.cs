using System.Text;
using System.Text.Json;

namespace RunPod.Api.Http;

/// <summary>
/// Reads RunPod's error bodies: problem+json on REST v2 (<c>title, status, detail, errors[]</c>),
/// plain JSON (<c>error</c> or <c>message</c>) on the runtime API, and anything else as text.
/// </summary>
internal static class ErrorParser
{
    public static RunPodApiException ToException(HttpResponseMessage response, byte[] body, ApiSurface surface)
    {
        var status = (int)response.StatusCode;
        var title = response.ReasonPhrase ?? $"HTTP {status}";
        var detail = "";
        var errors = new List<string>();
        var retryAfter = RetryPolicy.ServerRequestedDelay(response);

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (Str(root, "title") is { } t) title = t;
                detail = Str(root, "detail") ?? Str(root, "error") ?? Str(root, "message") ?? "";
                if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in list.EnumerateArray())
                    {
                        if (e.ValueKind == JsonValueKind.String) errors.Add(e.GetString()!);
                        else if (e.ValueKind == JsonValueKind.Object && Str(e, "message") is { } m) errors.Add(m);
                    }
                }
            }
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body).Trim();
            detail = text.Length > 200 ? text[..200] + "…" : text;
        }

        return new RunPodApiException(status, title, detail, errors, surface, retryAfter);
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
