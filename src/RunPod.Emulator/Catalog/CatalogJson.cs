using System.Text.Json.Nodes;
using RunPod.Emulator.Simulation;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Catalog;

/// <summary>Renders GpuType, CpuType and DataCenter, with availability derived from live stock.</summary>
internal sealed class CatalogJson(CapacityLedger capacity)
{
    private static readonly string[] Levels = ["NONE", "LOW", "MEDIUM", "HIGH"];

    /// <summary>Free units measured in pods of the requested size.</summary>
    public static string Level(int free, int perPod)
    {
        var pods = perPod <= 0 ? 0 : free / perPod;
        return pods switch { 0 => "NONE", <= 2 => "LOW", <= 7 => "MEDIUM", _ => "HIGH" };
    }

    public static JsonObject Gpu(GpuSeed gpu)
    {
        var price = new JsonObject { ["secure"] = gpu.SecurePrice, ["community"] = gpu.CommunityPrice };
        if (gpu.ServerlessPerHour is { } serverless)
        {
            price["serverless"] = serverless;
        }
        return new JsonObject
        {
            ["id"] = gpu.Id,
            ["name"] = gpu.Name,
            ["pool"] = gpu.Pool,
            ["manufacturer"] = gpu.Manufacturer,
            ["memory"] = gpu.Memory,
            ["secure"] = true,
            ["community"] = gpu.Community,
            ["price"] = price,
            ["maxCount"] = new JsonObject { ["secure"] = gpu.MaxSecure, ["community"] = gpu.MaxCommunity },
        };
    }

    /// <summary>Adds availability, dataCenters and cudaVersions for the query's count/cloud/country/CUDA scope.</summary>
    public JsonObject GpuWithAvailability(StateTransaction tx, GpuSeed gpu, CatalogQuery query)
    {
        var json = Gpu(gpu);
        var spec = new Pods.PodSpec { Name = "", AllowedCudaVersions = query.CudaVersions, MinCudaVersion = query.MinCudaVersion };
        var serverlessOnly = query.Product.All(p => p == "SERVERLESS");
        var offered = (!serverlessOnly || gpu.Pool is not null) && gpu.OfferedIn(query.Cloud) && query.Count <= gpu.MaxCount(query.Cloud);
        var hosts = CatalogSeed.DataCenters
            .Where(dc => query.CountryCodes.Count == 0 || query.CountryCodes.Contains(dc.CountryCode))
            .Select(dc => (dc, cuda: DefaultStock.HostCuda(gpu, dc), total: capacity.Total(tx, gpu.Id, dc.Id, query.Cloud)))
            .Where(h => offered && h.total > 0 && Scheduler.CudaAllowed(h.cuda, spec))
            .Select(h => (h.dc, h.cuda, level: Level(capacity.Free(tx, gpu.Id, h.dc.Id, query.Cloud), query.Count)))
            .ToList();

        var available = hosts.Where(h => h.level != "NONE").ToList();
        json["availability"] = available.Count == 0 ? "NONE" : available.MaxBy(h => Array.IndexOf(Levels, h.level)).level;
        if (available.Count > 0)
        {
            json["dataCenters"] = new JsonArray([.. available.Select(h => (JsonNode)new JsonObject
            {
                ["id"] = h.dc.Id,
                ["name"] = h.dc.Name,
                ["availability"] = h.level,
            })]);
        }
        if (!gpu.IsAmd && hosts.Count > 0)
        {
            json["cudaVersions"] = new JsonArray([.. hosts.Where(h => h.cuda is not null).GroupBy(h => h.cuda!)
                .OrderBy(g => g.Key, Comparer<string>.Create(CudaVersion.Compare))
                .Select(g => (JsonNode)new JsonObject { ["version"] = g.Key, ["available"] = g.Any(h => h.level != "NONE") })]);
        }
        return json;
    }

    public bool HasHostIn(StateTransaction tx, GpuSeed gpu, IReadOnlyCollection<string> countries, string cloud) =>
        CatalogSeed.DataCenters.Any(dc => countries.Contains(dc.CountryCode) && capacity.Total(tx, gpu.Id, dc.Id, cloud) > 0);

    public static JsonObject Cpu(CpuSeed cpu) => new()
    {
        ["id"] = cpu.Id,
        ["name"] = cpu.Name,
        ["group"] = cpu.Group,
        ["vcpu"] = new JsonObject { ["min"] = cpu.VcpuMin, ["max"] = cpu.VcpuMax },
        ["ramGbPerVcpu"] = cpu.RamGbPerVcpu,
        ["price"] = new JsonObject { ["securePerVcpu"] = cpu.SecurePerVcpu, ["serverlessPerVcpu"] = cpu.ServerlessPerVcpu },
    };

    public JsonObject CpuWithAvailability(StateTransaction tx, CpuSeed cpu, CatalogQuery query)
    {
        var json = Cpu(cpu);
        var size = query.VcpuCount ?? cpu.VcpuMin;
        var available = size > cpu.VcpuMax ? [] : CatalogSeed.DataCenters
            .Select(dc => (dc, level: Level(capacity.Free(tx, cpu.Id, dc.Id, Clouds.Secure), size)))
            .Where(h => h.level != "NONE")
            .ToList();
        json["availability"] = available.Count == 0 ? "NONE" : available.MaxBy(h => Array.IndexOf(Levels, h.level)).level;
        if (available.Count > 0)
        {
            json["dataCenters"] = new JsonArray([.. available.Select(h => (JsonNode)new JsonObject
            {
                ["id"] = h.dc.Id,
                ["name"] = h.dc.Name,
                ["availability"] = h.level,
            })]);
        }
        return json;
    }

    public JsonObject DataCenter(StateTransaction tx, DataCenterSeed dc, IReadOnlyCollection<string> include)
    {
        var json = new JsonObject
        {
            ["id"] = dc.Id,
            ["name"] = dc.Name,
            ["region"] = dc.Region,
            ["networkVolumeTypes"] = new JsonArray([.. dc.NetworkVolumeTypes.Select(t => (JsonNode?)t)]),
            ["compliance"] = new JsonArray([.. dc.Compliance.Select(c => (JsonNode?)c)]),
            ["globalNetwork"] = dc.GlobalNetwork,
        };
        if (include.Contains("GPU_AVAILABILITY"))
        {
            // A DC offers a GPU when either cloud hosts it there; the level is the better of the two.
            AddResourceAvailability(json, "gpuAvailability", CatalogSeed.Gpus
                .Where(g => Clouds.All.Any(c => capacity.Total(tx, g.Id, dc.Id, c) > 0))
                .Select(g => (g.Id, g.Name, Clouds.All
                    .Select(c => Level(capacity.Free(tx, g.Id, dc.Id, c), 1))
                    .MaxBy(l => Array.IndexOf(Levels, l))!)));
        }
        if (include.Contains("CPU_AVAILABILITY"))
        {
            AddResourceAvailability(json, "cpuAvailability", CatalogSeed.Cpus
                .Where(c => capacity.Total(tx, c.Id, dc.Id, Clouds.Secure) > 0)
                .Select(c => (c.Id, c.Name, Level(capacity.Free(tx, c.Id, dc.Id, Clouds.Secure), c.VcpuMin))));
        }
        return json;
    }

    /// <summary>Omitted entirely when the DC offers none, per the spec.</summary>
    private static void AddResourceAvailability(JsonObject json, string property, IEnumerable<(string Id, string Name, string Level)> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            json[property] = new JsonArray([.. list.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["name"] = i.Name, ["availability"] = i.Level })]);
        }
    }
}
