using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/catalog/{gpus,cpus,datacenters}` (public templates belong to the templates area).</summary>
internal sealed class CatalogRoutes(StateStore store, CatalogJson catalog)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/v2/catalog/gpus").Get(ListGpus);
        routes.Path("/v2/catalog/gpus/{id}").Get(GetGpu);
        routes.Path("/v2/catalog/cpus").Get(ListCpus);
        routes.Path("/v2/catalog/cpus/{id}").Get(GetCpu);
        routes.Path("/v2/catalog/datacenters").Get(ListDataCenters);
        routes.Path("/v2/catalog/datacenters/{id}").Get(GetDataCenter);
    }

    private Task ListGpus(HttpContext context)
    {
        var query = CatalogQuery.ForGpus(context);
        var gpus = store.Read(tx => CatalogSeed.Gpus
            // With countryCodes, GPUs with no DC in those countries drop out of the list.
            .Where(g => query.CountryCodes.Count == 0 || catalog.HasHostIn(tx, g, query.CountryCodes, query.Cloud))
            .Select(g => (JsonNode)(query.WithAvailability ? catalog.GpuWithAvailability(tx, g, query) : CatalogJson.Gpu(g)))
            .ToList());
        return JsonResponse.Write(context, 200, new JsonObject { ["gpus"] = new JsonArray([.. gpus]) });
    }

    private Task GetGpu(HttpContext context)
    {
        var query = CatalogQuery.ForGpus(context);
        var gpu = CatalogSeed.Gpu(Id(context)) ?? throw ApiException.NotFound();
        var body = store.Read(tx => query.WithAvailability ? catalog.GpuWithAvailability(tx, gpu, query) : CatalogJson.Gpu(gpu));
        return JsonResponse.Write(context, 200, body);
    }

    private Task ListCpus(HttpContext context)
    {
        var query = CatalogQuery.ForCpus(context);
        var cpus = store.Read(tx => CatalogSeed.Cpus
            .Select(c => (JsonNode)(query.WithAvailability ? catalog.CpuWithAvailability(tx, c, query) : CatalogJson.Cpu(c)))
            .ToList());
        return JsonResponse.Write(context, 200, new JsonObject { ["cpus"] = new JsonArray([.. cpus]) });
    }

    private Task GetCpu(HttpContext context)
    {
        var query = CatalogQuery.ForCpus(context);
        var cpu = CatalogSeed.Cpu(Id(context)) ?? throw ApiException.NotFound();
        var body = store.Read(tx => query.WithAvailability ? catalog.CpuWithAvailability(tx, cpu, query) : CatalogJson.Cpu(cpu));
        return JsonResponse.Write(context, 200, body);
    }

    private Task ListDataCenters(HttpContext context)
    {
        var query = CatalogQuery.ForDataCenters(context);
        var dcs = store.Read(tx => CatalogSeed.DataCenters
            .Where(dc => query.Regions.Count == 0 || query.Regions.Contains(dc.Region))
            .Where(dc => query.NetworkVolumeTypes.All(dc.NetworkVolumeTypes.Contains))
            .Where(dc => query.Compliance.All(dc.Compliance.Contains))
            .Where(dc => query.GlobalNetwork is null || dc.GlobalNetwork == query.GlobalNetwork)
            .Select(dc => (JsonNode)catalog.DataCenter(tx, dc, query.Include))
            .ToList());
        return JsonResponse.Write(context, 200, new JsonObject { ["dataCenters"] = new JsonArray([.. dcs]) });
    }

    private Task GetDataCenter(HttpContext context)
    {
        var query = CatalogQuery.ForDataCenters(context);
        var dc = CatalogSeed.DataCenter(Id(context)) ?? throw ApiException.NotFound();
        return JsonResponse.Write(context, 200, store.Read(tx => catalog.DataCenter(tx, dc, query.Include)));
    }

    /// <summary>Route values arrive percent-decoded ("NVIDIA%20GeForce%20RTX%204090" → spaces).</summary>
    private static string Id(HttpContext context) => Uri.UnescapeDataString((string)context.Request.RouteValues["id"]!);
}
