using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Volumes;

/// <summary>REST v2 network volumes (<c>/v2/network-volumes</c>).</summary>
public sealed class VolumesClient(ApiTransport transport)
{
    public async Task<List<NetworkVolume>> ListAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/network-volumes"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "networkVolumes", ApiJsonContext.Default.NetworkVolume);
    }

    public async Task<NetworkVolume> GetAsync(string id, CancellationToken ct) => await SendAsync(ApiRequest.Get(ApiSurface.Rest, VolumePath(id)), ct).ConfigureAwait(false);

    public static ApiRequest BuildCreate(CreateNetworkVolumeRequest request) =>
        new(ApiSurface.Rest, HttpMethod.Post, "/v2/network-volumes", ApiJson.ToNode(request, ApiJsonContext.Default.CreateNetworkVolumeRequest), CreatesResource: true);

    public async Task<NetworkVolume> CreateAsync(ApiRequest request, CancellationToken ct) => await SendAsync(request, ct).ConfigureAwait(false);

    /// <summary>PATCH <c>{name?, size?}</c>; size may only grow.</summary>
    public static ApiRequest BuildUpdate(string id, string? name, int? size)
    {
        var body = new JsonObject();
        if (name is not null) body["name"] = name;
        if (size is not null) body["size"] = size;
        return new ApiRequest(ApiSurface.Rest, HttpMethod.Patch, VolumePath(id), body);
    }

    public async Task<NetworkVolume> UpdateAsync(ApiRequest request, CancellationToken ct) => await SendAsync(request, ct).ConfigureAwait(false);

    public static ApiRequest BuildDelete(string id) => new(ApiSurface.Rest, HttpMethod.Delete, VolumePath(id));

    public async Task DeleteAsync(string id, CancellationToken ct) => await transport.SendAsync(BuildDelete(id), ct).ConfigureAwait(false);

    private async Task<NetworkVolume> SendAsync(ApiRequest request, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.NetworkVolume);
    }

    private static string VolumePath(string id) => "/v2/network-volumes/" + PathSegment.Of(id, "network volume id");
}
