using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RunPod.Api.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s through the shared handler chain and turns every non-2xx answer
/// into a <see cref="RunPodApiException"/> and every transport failure into a
/// <see cref="RunPodTransportException"/>.
/// </summary>
public sealed class ApiTransport
{
    private readonly HttpClient _http;
    private readonly RunPodClientOptions _options;

    internal ApiTransport(HttpClient http, RunPodClientOptions options)
    {
        _http = http;
        _options = options;
    }

    private TimeSpan _serverClockOffset;

    /// <summary>
    /// "Now" by the server's clock (its last <c>Date</c> header, to the second), for comparing with
    /// timestamps the server wrote, such as a pod's <c>createdAt</c>; the local clock until an answer arrives.
    /// </summary>
    public DateTimeOffset ServerNow => DateTimeOffset.UtcNow + _serverClockOffset;

    /// <summary>The absolute URL a request goes to.</summary>
    public Uri ResolveUrl(ApiRequest request) => request.Surface switch
    {
        ApiSurface.GraphQl => _options.GraphQlUrl,
        ApiSurface.Runtime => new Uri(_options.RuntimeOrigin, request.Path),
        _ => new Uri(_options.RestOrigin, request.Path),
    };

    /// <summary>Sends the request; returns the parsed body, or null for an empty (204) answer.</summary>
    public async Task<JsonDocument?> SendAsync(ApiRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, ResolveUrl(request));
        message.Options.Set(RequestOptionsKeys.CreatesResource, request.CreatesResource);
        if (request.Body is not null)
        {
            var json = request.Body.ToJsonString();
            message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException)
        {
            var host = ResolveUrl(request).GetLeftPart(UriPartial.Authority);
            var sent = !RetryPolicy.CertainlyNotSent(ex);
            var what = sent ? $"no answer from {host}" : $"could not reach {host}";
            throw new RunPodTransportException($"{what}: {Describe(ex)}", sent, ex) { TimedOut = ex is TimeoutException };
        }

        using (response)
        {
            if (response.Headers.Date is { } serverDate)
                _serverClockOffset = serverDate - DateTimeOffset.UtcNow;
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return bytes.Length == 0 ? null : ParseJson(bytes, request);

            var error = ErrorParser.ToException(response, bytes, request.Surface);
            error.RequestPath = request.Path;
            error.AfterUncertainAttempt = message.Options.TryGetValue(RequestOptionsKeys.UncertainAttempt, out var uncertain) && uncertain;
            throw error;
        }
    }

    private static JsonDocument ParseJson(byte[] bytes, ApiRequest request)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new RunPodApiException(200, "Invalid response", $"{request.Method} {request.Path} returned a body that is not JSON: {ex.Message}", [], request.Surface);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection refused or failed",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host name not found",
        TimeoutException t => t.Message,
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } or HttpRequestException { InnerException: IOException } =>
            "the connection was dropped before an answer arrived",
        _ => ex.InnerException?.Message ?? ex.Message,
    };
}
