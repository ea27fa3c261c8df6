using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Catalog;

/// <summary>REST v2 catalog (<c>/v2/catalog/...</c>).</summary>
public sealed class CatalogClient(ApiTransport transport)
{
    /// <summary>All GPU types; with <paramref name="query"/> e.g. <c>include=AVAILABILITY&amp;product=POD</c>.</summary>
    public async Task<List<GpuType>> ListGpusAsync(string? query, CancellationToken ct)
    {
        var path = "/v2/catalog/gpus" + (string.IsNullOrEmpty(query) ? "" : "?" + query);
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, path), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "gpus", ApiJsonContext.Default.GpuType);
    }

    public async Task<List<DataCenter>> ListDataCentersAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/catalog/datacenters"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "dataCenters", ApiJsonContext.Default.DataCenter);
    }
}
