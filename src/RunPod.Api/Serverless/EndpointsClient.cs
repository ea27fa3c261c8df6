using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Serverless;

/// <summary>REST v2 serverless endpoints (<c>/v2/serverless</c>), the control plane.</summary>
public sealed class EndpointsClient(ApiTransport transport)
{
    public async Task<List<Endpoint>> ListAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/serverless"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "endpoints", ApiJsonContext.Default.Endpoint);
    }

    public async Task<Endpoint> GetAsync(string id, CancellationToken ct) => await SendForEndpointAsync(ApiRequest.Get(ApiSurface.Rest, EndpointPath(id)), ct).ConfigureAwait(false);

    /// <summary>A CreateEndpointRequest body, sent as given.</summary>
    public static ApiRequest BuildCreate(JsonObject body) => new(ApiSurface.Rest, HttpMethod.Post, "/v2/serverless", body, CreatesResource: true);

    public async Task<Endpoint> CreateAsync(ApiRequest request, CancellationToken ct) => await SendForEndpointAsync(request, ct).ConfigureAwait(false);

    /// <summary>PATCH with only the given fields; an explicit zero or empty list is a change, not an omission.</summary>
    public static ApiRequest BuildUpdate(string id, JsonObject changes) => new(ApiSurface.Rest, HttpMethod.Patch, EndpointPath(id), changes);

    public async Task<Endpoint> UpdateAsync(ApiRequest request, CancellationToken ct) => await SendForEndpointAsync(request, ct).ConfigureAwait(false);

    public static ApiRequest BuildDelete(string id) => new(ApiSurface.Rest, HttpMethod.Delete, EndpointPath(id));

    /// <summary>Deletes the endpoint; RunPod also deletes its bound template and cancels its jobs.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct) => await transport.SendAsync(BuildDelete(id), ct).ConfigureAwait(false);

    public async Task<EndpointWorkers> WorkersAsync(string id, CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, EndpointPath(id) + "/workers"), ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.EndpointWorkers);
    }

    private async Task<Endpoint> SendForEndpointAsync(ApiRequest request, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Endpoint);
    }

    private static string EndpointPath(string id) => "/v2/serverless/" + Uri.EscapeDataString(id);
}
