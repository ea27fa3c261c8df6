using System.Globalization;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Serverless;

/// <summary>The serverless runtime API (<c>/v2/{endpointId}/run</c> ...), the data plane.</summary>
public sealed class JobsClient(ApiTransport transport)
{
    /// <summary><c>/run</c>: queues a job. A repeat would queue a second job, so it is only re-sent when it certainly never arrived.</summary>
    public static ApiRequest BuildRun(string endpointId, JsonObject body) =>
        new(ApiSurface.Runtime, HttpMethod.Post, Base(endpointId) + "/run", body, CreatesResource: true);

    /// <summary><c>/runsync?wait=</c>: queues a job and holds the request up to <paramref name="wait"/>.</summary>
    public static ApiRequest BuildRunSync(string endpointId, JsonObject body, TimeSpan wait) =>
        new(ApiSurface.Runtime, HttpMethod.Post, $"{Base(endpointId)}/runsync?wait={Millis(wait)}", body, CreatesResource: true);

    public async Task<Job> SubmitAsync(ApiRequest request, CancellationToken ct) => await SendForJobAsync(request, ct).ConfigureAwait(false);

    public async Task<Job> StatusAsync(string endpointId, string jobId, CancellationToken ct) =>
        await SendForJobAsync(ApiRequest.Get(ApiSurface.Runtime, $"{Base(endpointId)}/status/{Uri.EscapeDataString(jobId)}"), ct).ConfigureAwait(false);

    /// <summary>Chunks yielded since the previous call (each call drains); the server holds up to <paramref name="wait"/> for news.</summary>
    public async Task<StreamBatch> StreamAsync(string endpointId, string jobId, TimeSpan wait, CancellationToken ct)
    {
        var request = ApiRequest.Get(ApiSurface.Runtime, $"{Base(endpointId)}/stream/{Uri.EscapeDataString(jobId)}?wait={Millis(wait)}");
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.StreamBatch);
    }

    public async Task<Job> CancelAsync(string endpointId, string jobId, CancellationToken ct) =>
        await SendForJobAsync(new ApiRequest(ApiSurface.Runtime, HttpMethod.Post, $"{Base(endpointId)}/cancel/{Uri.EscapeDataString(jobId)}"), ct).ConfigureAwait(false);

    /// <summary>Re-queues a FAILED or TIMED_OUT job under the same id.</summary>
    public async Task<Job> RetryAsync(string endpointId, string jobId, CancellationToken ct) =>
        await SendForJobAsync(new ApiRequest(ApiSurface.Runtime, HttpMethod.Post, $"{Base(endpointId)}/retry/{Uri.EscapeDataString(jobId)}"), ct).ConfigureAwait(false);

    public static ApiRequest BuildPurgeQueue(string endpointId) => new(ApiSurface.Runtime, HttpMethod.Post, Base(endpointId) + "/purge-queue");

    public async Task<PurgeResult> PurgeQueueAsync(string endpointId, CancellationToken ct)
    {
        var doc = await transport.SendAsync(BuildPurgeQueue(endpointId), ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.PurgeResult);
    }

    public async Task<EndpointHealth> HealthAsync(string endpointId, CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Runtime, Base(endpointId) + "/health"), ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.EndpointHealth);
    }

    private async Task<Job> SendForJobAsync(ApiRequest request, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Job);
    }

    private static string Base(string endpointId) => "/v2/" + Uri.EscapeDataString(endpointId);

    private static string Millis(TimeSpan wait) => ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
