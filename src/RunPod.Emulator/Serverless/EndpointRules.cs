using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// The cross-field rules of endpoint create/update that a schema cannot say: RunPod answers them
/// with 400 (422 is for schema violations, which <see cref="EndpointSchemas"/> covers).
/// </summary>
internal static class EndpointRules
{
    /// <summary>Serverless pools are the catalog's `pool` values (ADA_24, AMPERE_80, ...).</summary>
    public static readonly HashSet<string> Pools = [.. CatalogSeed.Gpus.Where(g => g.Pool is not null).Select(g => g.Pool!)];

    public static IEnumerable<GpuSeed> TypesIn(IEnumerable<string> pools) => CatalogSeed.Gpus.Where(g => g.Pool is not null && pools.Contains(g.Pool));

    /// <summary>Schema rules the generic validator cannot express: the scaling union's variant and PATCH's dependentRequired.</summary>
    public static void AddShapeErrors(JsonObject body, List<string> errors)
    {
        if (body["scaling"] is JsonObject scaling && scaling.Str("type") is { } kind)
        {
            var (needed, forbidden) = kind == "QUEUE_DELAY" ? ("queueDelay", "requestCount") : ("requestCount", "queueDelay");
            if (!scaling.ContainsKey(needed))
            {
                errors.Add($"$.scaling: missing properties: '{needed}'");
            }
            if (scaling.ContainsKey(forbidden))
            {
                errors.Add($"$.scaling: additional properties '{forbidden}' not allowed");
            }
        }
    }

    public static void CheckScaling(string type, JsonObject scaling, JsonObject? workers)
    {
        var scaler = scaling.Str("type");
        if (type == "LOAD_BALANCER" && scaler != "REQUEST_COUNT")
        {
            throw ApiException.BadRequest("load-balancing endpoints require scaling type REQUEST_COUNT");
        }
        if (type == "QUEUE" && scaler == "REQUEST_COUNT" && workers?.ContainsKey("idleTimeout") == true)
        {
            throw ApiException.BadRequest("workers.idleTimeout is not applicable to queue-based endpoints scaling on REQUEST_COUNT");
        }
    }

    public static void CheckWorkers(JsonObject workers)
    {
        if ((workers.Int("min") ?? 0) > (workers.Int("max") ?? 3))
        {
            throw ApiException.BadRequest($"workers.min ({workers.Int("min")}) must not exceed workers.max ({workers.Int("max")})");
        }
    }

    /// <summary>Validates a GPU selection and returns it normalised (trimmed exclusions).</summary>
    public static (List<string> Pools, List<string>? Excluded) CheckGpuSelection(List<string> pools, List<string>? excluded)
    {
        foreach (var pool in pools.Where(p => !Pools.Contains(p)))
        {
            throw ApiException.BadRequest($"unknown GPU pool '{pool}'; valid pools: {string.Join(", ", Pools.Order(StringComparer.Ordinal))}");
        }
        if (excluded is null)
        {
            return (pools, null);
        }
        var trimmed = excluded.Select(e => e.Trim()).ToList();
        var inPools = TypesIn(pools).Select(g => g.Id).ToHashSet();
        foreach (var type in trimmed.Where(t => !inPools.Contains(t)))
        {
            throw ApiException.BadRequest($"excluded GPU type '{type}' is not in the selected pools ({string.Join(", ", pools)})");
        }
        if (inPools.All(trimmed.Contains))
        {
            throw ApiException.BadRequest("excludedTypes removes every GPU type of the selected pools; keep at least one");
        }
        return (pools, trimmed);
    }

    public static void CheckCuda(List<string>? allowed, string? minimum)
    {
        if (allowed is { Count: > 0 } && !string.IsNullOrEmpty(minimum))
        {
            throw ApiException.BadRequest("gpu.allowedCudaVersions and gpu.minCudaVersion are mutually exclusive");
        }
    }

    /// <summary>Returns the v2 `cpu` array with each entry's derived memory.</summary>
    public static JsonArray CheckCpu(JsonArray cpu)
    {
        var seen = new HashSet<string>();
        var result = new JsonArray();
        foreach (var entry in cpu.OfType<JsonObject>())
        {
            var id = entry.Str("id")!;
            var vcpus = entry.Int("vcpuCount") ?? 0;
            var flavor = CatalogSeed.Cpu(id) ?? throw ApiException.BadRequest($"unknown CPU flavor '{id}'");
            if ((vcpus & (vcpus - 1)) != 0 || vcpus < flavor.VcpuMin || vcpus > flavor.VcpuMax)
            {
                throw ApiException.BadRequest($"vcpuCount {vcpus} is not valid for {id}: use a power of two from {flavor.VcpuMin} to {flavor.VcpuMax}");
            }
            if (!seen.Add($"{id}:{vcpus}"))
            {
                throw ApiException.BadRequest($"duplicate cpu configuration {id} with {vcpus} vCPUs");
            }
            result.Add((JsonNode)new JsonObject { ["id"] = id, ["vcpuCount"] = vcpus, ["memory"] = (int)Math.Max(1, Math.Round(vcpus * flavor.RamGbPerVcpu)) });
        }
        return result;
    }

    public static void CheckDataCenters(List<string> ids)
    {
        foreach (var id in ids.Where(id => CatalogSeed.DataCenter(id) is null))
        {
            throw ApiException.BadRequest($"unknown data center '{id}'");
        }
    }

    public static void CheckVolumes(StateTransaction tx, string account, INetworkVolumeSource volumes, List<string> ids)
    {
        foreach (var id in ids.Where(id => volumes.DataCenterOf(tx, account, id) is null))
        {
            throw ApiException.BadRequest($"network volume '{id}' not found");
        }
    }

    /// <summary>A template given by id must exist (404) and be a serverless template (422).</summary>
    public static TemplateSettings Template(StateTransaction tx, string account, ITemplateSource templates, string id)
    {
        var template = templates.Find(tx, account, id) ?? throw ApiException.NotFound();
        if (!template.Serverless)
        {
            throw ApiException.Validation([$"$.templateId: template '{id}' is not a serverless template"]);
        }
        return template;
    }
}
