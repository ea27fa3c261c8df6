using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Catalog;

/// <summary>REST v2 catalog (<c>/v2/catalog/...</c>).</summary>
public sealed class CatalogClient(ApiTransport transport)
{
    /// <summary>All GPU types; with <paramref name="query"/> e.g. <c>include=AVAILABILITY&amp;product=POD</c>.</summary>
    public async Task<List<GpuType>> ListGpusAsync(string? query, CancellationToken ct)
    {
        var doc = await transport.SendAsync(BuildListGpus(query), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "gpus", ApiJsonContext.Default.GpuType);
    }

    /// <summary>All GPU types with availability for one product/cloud/count/country/CUDA scope: one request.</summary>
    public Task<List<GpuType>> ListGpusAsync(GpuAvailabilityQuery query, CancellationToken ct) =>
        ListGpusAsync(query.ToQueryString(), ct);

    public async Task<List<CpuType>> ListCpusAsync(string? query, CancellationToken ct)
    {
        var doc = await transport.SendAsync(BuildListCpus(query), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "cpus", ApiJsonContext.Default.CpuType);
    }

    public async Task<List<DataCenter>> ListDataCentersAsync(DataCenterQuery query, CancellationToken ct)
    {
        var doc = await transport.SendAsync(BuildListDataCenters(query), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "dataCenters", ApiJsonContext.Default.DataCenter);
    }

    public static ApiRequest BuildListGpus(string? query) => ApiRequest.Get(ApiSurface.Rest, WithQuery("/v2/catalog/gpus", query));

    public static ApiRequest BuildListCpus(string? query) => ApiRequest.Get(ApiSurface.Rest, WithQuery("/v2/catalog/cpus", query));

    public static ApiRequest BuildListDataCenters(DataCenterQuery query) =>
        ApiRequest.Get(ApiSurface.Rest, WithQuery("/v2/catalog/datacenters", query.ToQueryString()));

    private static string WithQuery(string path, string? query) => string.IsNullOrEmpty(query) ? path : path + "?" + query;
}
