using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Http;

/// <summary>
/// Records every non-admin request for GET /_emulator/requests. The Authorization header
/// is never stored: only a fingerprint (last 4 chars of the key); nor are registry passwords
/// in the body (see <see cref="PasswordRedaction"/>).
/// </summary>
internal sealed class RequestLog(StateStore store, EmulatorClock clock)
{
    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }
        var entry = new JsonObject
        {
            ["time"] = EmulatorClock.Format(clock.Now()),
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "",
            ["key"] = KeyFingerprint(context.Request),
            ["userAgent"] = context.Request.Headers.UserAgent.ToString(),
            ["body"] = PasswordRedaction.Redact(await ReadBody(context.Request)),
        };
        var written = 0;
        void Write()
        {
            if (Interlocked.Exchange(ref written, 1) == 1)
            {
                return;
            }
            entry["status"] = context.Response.StatusCode;
            if (context.Items.TryGetValue(FaultInjector.LogKey, out var fault))
            {
                entry["fault"] = fault as string;
            }
            store.Write(tx => tx.AppendRequestLog(entry.ToJsonString()));
        }

        // A fault that drops the connection writes the entry first: the client sees the reset at
        // once, and a test that then reads the log must find the request there.
        context.Items[WriteNowKey] = (Action)Write;
        try
        {
            await next(context);
        }
        finally
        {
            Write();
        }
    }

    /// <summary>HttpContext.Items key of an action that writes this request's log entry now (once).</summary>
    public const string WriteNowKey = "emulator.log.writeNow";

    /// <summary>Writes the request's log entry before the connection is cut, so it is never missing when the client notices.</summary>
    public static void WriteNow(HttpContext context)
    {
        if (context.Items.TryGetValue(WriteNowKey, out var action) && action is Action write)
        {
            write();
        }
    }

    private static string? KeyFingerprint(HttpRequest request)
    {
        var key = ApiKeys.RuntimeKey(request) ?? request.Query["api_key"].ToString();
        return string.IsNullOrEmpty(key) ? null : ApiKeys.Fingerprint(key);
    }

    /// <summary>The body as JSON when it parses (so tests can assert on fields), else as text.</summary>
    private static async Task<JsonNode?> ReadBody(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        if (text.Length == 0)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
