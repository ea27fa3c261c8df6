using System.Text.Json.Nodes;
using RunPod.Api.Catalog;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Services;

/// <summary>Which clouds and machine size availability is asked for, and where.</summary>
internal sealed record CapacityScope(
    string CloudType, int? GpuCount, IReadOnlyList<string> Countries, IReadOnlyList<string> CudaVersions, string? MinCudaVersion)
{
    /// <summary>API cloud names: secure → SECURE, community → COMMUNITY, all → both.</summary>
    public IReadOnlyList<string> Clouds => CloudType switch
    {
        "community" => ["COMMUNITY"],
        "all" => ["SECURE", "COMMUNITY"],
        _ => ["SECURE"],
    };
}

/// <summary>The GPU list with availability for one cloud, as RunPod returned it.</summary>
internal sealed record CloudGpus(string Cloud, List<GpuType> Gpus);

/// <summary>
/// GPU availability in as few requests as the API allows: ONE <c>/v2/catalog/gpus</c> call per cloud
/// (include=AVAILABILITY&amp;product=POD with cloud, count, countryCodes and CUDA scope), never one per GPU.
/// With both clouds the two answers are merged: the better level wins and data centers are unioned.
/// </summary>
internal static class GpuAvailability
{
    public static readonly string[] Levels = ["NONE", "LOW", "MEDIUM", "HIGH"];

    public static int Rank(string? level) => Math.Max(0, Array.IndexOf(Levels, level ?? "NONE"));

    public static async Task<List<CloudGpus>> FetchAsync(Invocation inv, CapacityScope scope, CancellationToken ct)
    {
        var client = await inv.ClientAsync(ct);
        var results = new List<CloudGpus>();
        foreach (var cloud in scope.Clouds)
        {
            var query = new GpuAvailabilityQuery
            {
                Cloud = cloud,
                Count = scope.GpuCount,
                CountryCodes = scope.Countries,
                CudaVersions = scope.CudaVersions,
                MinCudaVersion = scope.MinCudaVersion,
            };
            results.Add(new CloudGpus(cloud, await client.Catalog.ListGpusAsync(query, ct)));
        }

        // A country-scoped list drops GPUs, so only a full list may stand in for the resolver's catalog.
        if (scope.Countries.Count == 0)
            inv.GpuCatalog.Remember(results.SelectMany(r => r.Gpus).DistinctBy(g => g.Id));
        return results;
    }

    /// <summary>One v2 GpuType object per GPU id; with two clouds, availability and dataCenters merged.</summary>
    public static List<JsonObject> Merge(IReadOnlyList<CloudGpus> clouds)
    {
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var gpu in clouds.SelectMany(c => c.Gpus))
        {
            var json = (JsonObject)JsonNode.Parse(gpu.Raw.GetRawText())!;
            if (byId.TryGetValue(gpu.Id, out var seen))
                MergeInto(seen, json);
            else
                byId[gpu.Id] = json;
        }

        return [.. byId.Values.OrderBy(g => JsonPath.Text(g, "id"), StringComparer.Ordinal)];
    }

    private static void MergeInto(JsonObject target, JsonObject other)
    {
        var levels = new[] { JsonPath.Text(target, "availability"), JsonPath.Text(other, "availability") };
        target["availability"] = levels.MaxBy(Rank);
        var dcs = DataCenters(target).Concat(DataCenters(other))
            .GroupBy(dc => JsonPath.Text(dc, "id"))
            .Select(g => g.MaxBy(dc => Rank(JsonPath.Text(dc, "availability")))!.DeepClone())
            .ToList();
        if (dcs.Count > 0)
            target["dataCenters"] = new JsonArray([.. dcs]);
    }

    public static IEnumerable<JsonNode> DataCenters(JsonNode gpu) => (JsonPath.At(gpu, "dataCenters") as JsonArray ?? []).OfType<JsonNode>();

    /// <summary>
    /// Narrows a GPU to some data centers the way countryCodes does upstream: the others drop out of
    /// dataCenters and availability becomes the best level among those left.
    /// </summary>
    public static JsonObject ScopeToDataCenters(JsonObject gpu, IReadOnlyCollection<string> dataCenterIds)
    {
        var kept = DataCenters(gpu).Where(dc => dataCenterIds.Contains(JsonPath.Text(dc, "id"))).Select(dc => dc.DeepClone()).ToList();
        var scoped = (JsonObject)gpu.DeepClone();
        scoped.Remove("dataCenters");
        if (kept.Count > 0)
            scoped["dataCenters"] = new JsonArray([.. kept]);
        scoped["availability"] = kept.Count == 0 ? "NONE" : kept.Select(dc => JsonPath.Text(dc, "availability")).MaxBy(Rank);
        return scoped;
    }

    /// <summary>The per-GPU-hour price in a cloud; null where the GPU is not offered in it.</summary>
    public static double? Price(JsonNode gpu, string cloud)
    {
        var offered = JsonPath.At(gpu, cloud) is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return offered && JsonPath.At(gpu, "price." + cloud) is JsonValue p && p.TryGetValue<double>(out var price) && price > 0 ? price : null;
    }

    /// <summary>The price for a cloud type; for "all", the cheaper of the clouds that offer it.</summary>
    public static double? Price(JsonNode gpu, CapacityScope scope) =>
        scope.Clouds.Select(c => Price(gpu, c.ToLowerInvariant())).Where(p => p is not null).Min();
}
