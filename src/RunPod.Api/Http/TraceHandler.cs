using System.Diagnostics;

namespace RunPod.Api.Http;

/// <summary>
/// Writes one line per attempt (method, URL, status, duration) for <c>--debug</c>.
/// It sits inside the retry handler so that every attempt is visible. Bodies and headers are
/// not written: they can hold secrets (env values, registry passwords, the key).
/// </summary>
internal sealed class TraceHandler(Action<string> trace) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = Redaction.RedactUrl(request.RequestUri?.ToString() ?? "");
        trace($"http: -> {request.Method} {url}");
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            trace($"http: <- {(int)response.StatusCode} {request.Method} {url} ({watch.ElapsedMilliseconds} ms)");
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            trace($"http: <- failed {request.Method} {url} after {watch.ElapsedMilliseconds} ms: {ex.GetType().Name}");
            throw;
        }
    }
}
