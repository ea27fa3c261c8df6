using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Pods;

/// <summary>REST v2 pod operations (<c>/v2/pods</c>).</summary>
public sealed class PodsClient(ApiTransport transport)
{
    public async Task<List<Pod>> ListAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/pods"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "pods", ApiJsonContext.Default.Pod);
    }

    /// <summary>
    /// The pods as the response's own JSON elements (valid as long as the client lives): for printing
    /// a large list without a typed copy of every pod.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> ListElementsAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/pods"), ct).ConfigureAwait(false);
        return ApiJson.ReadListElements(doc, "pods");
    }

    public async Task<Pod> GetAsync(string id, CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, PodPath(id)), ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Pod);
    }

    public static ApiRequest BuildCreate(CreatePodRequest request) =>
        new(ApiSurface.Rest, HttpMethod.Post, "/v2/pods", ApiJson.ToNode(request, ApiJsonContext.Default.CreatePodRequest), CreatesResource: true);

    public async Task<Pod> CreateAsync(CreatePodRequest request, CancellationToken ct) => await SendForPodAsync(BuildCreate(request), ct).ConfigureAwait(false);

    /// <summary>Sends a create request built (and perhaps shown by --dry-run) earlier.</summary>
    public async Task<Pod> CreateAsync(ApiRequest request, CancellationToken ct) => await SendForPodAsync(request, ct).ConfigureAwait(false);

    /// <summary>PATCH with only the given fields; an explicit JSON null clears a field.</summary>
    public static ApiRequest BuildUpdate(string id, JsonObject changes) => new(ApiSurface.Rest, HttpMethod.Patch, PodPath(id), changes);

    public async Task<Pod> UpdateAsync(string id, JsonObject changes, CancellationToken ct) => await SendForPodAsync(BuildUpdate(id, changes), ct).ConfigureAwait(false);

    public static ApiRequest BuildAction(string id, string action) =>
        new(ApiSurface.Rest, HttpMethod.Post, PodPath(id) + "/action", new JsonObject { ["action"] = action });

    /// <summary>start, stop or restart: returns the pod. For terminate use <see cref="DeleteAsync"/>.</summary>
    public async Task<Pod> ActionAsync(string id, string action, CancellationToken ct)
    {
        try
        {
            return await SendForPodAsync(BuildAction(id, action), ct).ConfigureAwait(false);
        }
        catch (RunPodApiException e) when (e.Status == 409 && e.AfterUncertainAttempt)
        {
            // The lost attempt may have done it already ("cannot stop a pod in status EXITED"): look, don't guess.
            var pod = await GetAsync(id, ct).ConfigureAwait(false);
            if (AlreadyDone(action, pod.Status))
                return pod;
            throw;
        }
    }

    private static bool AlreadyDone(string action, string? status) => action switch
    {
        "stop" => status == PodStatus.Exited,
        "start" or "restart" => status is PodStatus.Running or PodStatus.Starting or PodStatus.Provisioning,
        _ => false,
    };

    public static ApiRequest BuildDelete(string id) => new(ApiSurface.Rest, HttpMethod.Delete, PodPath(id));

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(BuildDelete(id), ct).ConfigureAwait(false);
        }
        catch (RunPodApiException e) when (e.Status == 404 && e.AfterUncertainAttempt)
        {
            // An earlier attempt got no answer but did the work: the pod is gone, as asked.
        }
    }

    private async Task<Pod> SendForPodAsync(ApiRequest request, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Pod);
    }

    private static string PodPath(string id) => "/v2/pods/" + PathSegment.Of(id, "pod id");
}
