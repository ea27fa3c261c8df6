using System.Text.Json.Nodes;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>REST v2 serverless endpoints: create/update rules and defaults, rendering, deletion.</summary>
internal sealed class EndpointService(
    ServerlessContext context, ITemplateSource templates, INetworkVolumeSource volumes, IBoundTemplateRemover boundTemplates)
{
    public EndpointDocument Create(StateTransaction tx, string account, JsonObject body)
    {
        var type = body.Str("type")!;
        var scaling = (JsonObject)body["scaling"]!.DeepClone();
        var workers = new JsonObject
        {
            ["min"] = 0,
            ["max"] = 3,
            ["idleTimeout"] = 10,
        };
        if (body["workers"] is JsonObject given)
        {
            Merge(workers, given);
        }
        EndpointRules.CheckScaling(type, scaling, body["workers"] as JsonObject);
        if (OmitsIdleTimeout(type, scaling))
        {
            workers.Remove("idleTimeout");
        }
        EndpointRules.CheckWorkers(workers);

        var gpuBody = body["gpu"] as JsonObject;
        var cpuBody = body["cpu"] as JsonArray;
        if ((gpuBody is null) == (cpuBody is null))
        {
            throw ApiException.BadRequest("exactly one of gpu or cpu must be set");
        }

        var template = body.Str("templateId") is { } templateId ? EndpointRules.Template(tx, account, templates, templateId) : null;
        var dataCenters = body.Strings("dataCenterIds") ?? [];
        EndpointRules.CheckDataCenters(dataCenters);
        var networkVolumes = body.Strings("networkVolumes") ?? [];
        EndpointRules.CheckVolumes(tx, account, volumes, networkVolumes);

        var env = new JsonObject();
        foreach (var (key, value) in template?.Env ?? [])
        {
            env[key] = value;
        }
        foreach (var (key, value) in body.StringMap("env") ?? [])
        {
            env[key] = value;
        }

        var endpoint = new JsonObject
        {
            ["id"] = IdGenerator.PodId(),
            ["name"] = body.Str("name"),
            ["type"] = type,
            ["image"] = body.Str("image") ?? template?.Image,
            ["args"] = body.Str("args") ?? template?.Args ?? "",
            ["disk"] = body.Int("disk") ?? template?.Disk ?? 5,
            ["env"] = env,
            ["ports"] = new JsonArray([.. (body.Strings("ports") ?? template?.Ports ?? []).Select(p => (JsonNode?)p)]),
            ["registry"] = body.ContainsKey("registry") ? body.Str("registry") : template?.Registry,
        };
        if (gpuBody is not null)
        {
            endpoint["gpu"] = CreateGpu(gpuBody, template);
        }
        else
        {
            endpoint["gpu"] = null;
            endpoint["cpu"] = EndpointRules.CheckCpu(cpuBody!);
        }
        endpoint["workers"] = workers;
        endpoint["scaling"] = scaling;
        endpoint["dataCenterIds"] = Strings(dataCenters);
        endpoint["networkVolumes"] = Strings(networkVolumes);
        endpoint["timeout"] = body.Int("timeout") ?? 300_000;
        endpoint["flashboot"] = body.Str("flashboot") ?? "OFF";
        endpoint["createdAt"] = EmulatorClock.Format(context.Clock.Now(tx));

        var doc = new EndpointDocument(endpoint, body.Str("templateId"), 1);
        context.Endpoints.Save(tx, account, doc);
        // Start min workers right away, as RunPod does for active workers.
        World(tx, account, doc.Id).Save();
        return doc;
    }

    public EndpointDocument Update(StateTransaction tx, string account, string id, JsonObject body)
    {
        // Bring the queue up to now under the old settings before they change.
        World(tx, account, id).Save();
        var doc = context.Endpoints.Get(tx, account, id);
        var endpoint = doc.Endpoint;

        if (body["gpu"] is JsonObject && endpoint["gpu"] is not JsonObject)
        {
            throw ApiException.BadRequest("this is a CPU endpoint: gpu cannot be set (the compute family is fixed at create)");
        }
        if (body["cpu"] is JsonArray && endpoint["gpu"] is JsonObject)
        {
            throw ApiException.BadRequest("this is a GPU endpoint: cpu cannot be set (the compute family is fixed at create)");
        }

        if (body.Str("templateId") is { Length: > 0 } templateId)
        {
            ApplyTemplate(endpoint, EndpointRules.Template(tx, account, templates, templateId), body);
        }
        foreach (var field in new[] { "name", "image", "args", "disk", "ports", "registry", "timeout", "flashboot" })
        {
            if (body.ContainsKey(field))
            {
                endpoint[field] = body[field]?.DeepClone();
            }
        }
        if (body["env"] is JsonObject env && body.Str("templateId") is not { Length: > 0 })
        {
            endpoint["env"] = env.DeepClone();
        }
        if (body.Strings("dataCenterIds") is { } dataCenters)
        {
            EndpointRules.CheckDataCenters(dataCenters);
            endpoint["dataCenterIds"] = Strings(dataCenters);
        }
        if (body.Strings("networkVolumes") is { } networkVolumes)
        {
            EndpointRules.CheckVolumes(tx, account, volumes, networkVolumes);
            endpoint["networkVolumes"] = Strings(networkVolumes);
        }
        if (body["cpu"] is JsonArray cpu)
        {
            endpoint["cpu"] = EndpointRules.CheckCpu(cpu);
        }
        if (body["gpu"] is JsonObject gpuPatch)
        {
            UpdateGpu((JsonObject)endpoint["gpu"]!, gpuPatch);
        }

        var scaling = body["scaling"] is JsonObject newScaling ? (JsonObject)newScaling.DeepClone() : (JsonObject)endpoint["scaling"]!;
        var workers = (JsonObject)endpoint["workers"]!;
        if (body["workers"] is JsonObject workerPatch)
        {
            Merge(workers, workerPatch);
        }
        EndpointRules.CheckScaling(doc.Type, scaling, body["workers"] as JsonObject);
        if (OmitsIdleTimeout(doc.Type, scaling))
        {
            workers.Remove("idleTimeout");
        }
        else if (!workers.ContainsKey("idleTimeout"))
        {
            workers["idleTimeout"] = 10;
        }
        EndpointRules.CheckWorkers(workers);
        endpoint["scaling"] = scaling;

        doc.Version++;
        context.Endpoints.Save(tx, account, doc);
        World(tx, account, id).Save();
        return doc;
    }

    /// <summary>Deletes the endpoint, its workers and jobs, and the template bound to it (as RunPod does).</summary>
    public void Delete(StateTransaction tx, string account, string id)
    {
        var world = World(tx, account, id);
        world.DeleteAll();
        context.Endpoints.Delete(tx, account, id);
        if (world.Endpoint.BoundTemplateId is { } templateId)
        {
            boundTemplates.Remove(tx, account, templateId);
        }
    }

    public ServerlessWorld World(StateTransaction tx, string account, string id)
    {
        try
        {
            return ServerlessWorld.Load(tx, account, context, id);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            // REST v2 speaks its own 404 wording; the runtime's "endpoint not found" is for /v2/{id}/...
            throw ApiException.NotFound();
        }
    }

    /// <summary>The v2 Endpoint object; `requestUrls` point at the origin the caller used.</summary>
    public static JsonObject Render(EndpointDocument doc, string origin)
    {
        var body = new JsonObject();
        foreach (var (key, value) in doc.Endpoint)
        {
            body[key] = value?.DeepClone();
            if (key == "type")
            {
                body["requestUrls"] = RequestUrls(doc, origin);
            }
        }
        return body;
    }

    public static JsonObject RenderWorkers(ServerlessWorld world)
    {
        var now = world.Now;
        var workers = world.Sim.Workers.Select(w =>
        {
            var status = w.ReadyAt > now ? "INITIALIZING" : w.JobId is not null ? "RUNNING" : "IDLE";
            var running = w.ReadyAt <= now;
            return new JsonObject
            {
                ["id"] = w.Id,
                ["status"] = status,
                ["isStale"] = w.Version < world.Endpoint.Version,
                ["version"] = w.Version,
                ["gpuCount"] = world.Endpoint.GpuCount,
                ["image"] = world.Endpoint.Image,
                ["uptimeSeconds"] = running ? (long)(now - w.ReadyAt).TotalSeconds : null,
                ["gpuTypeId"] = w.GpuTypeId,
                ["dataCenterId"] = w.DataCenterId,
                ["startedAt"] = running ? EmulatorClock.Format(w.ReadyAt) : null,
            };
        }).ToList();
        int Count(string status) => workers.Count(w => w.Str("status") == status);
        return new JsonObject
        {
            ["workers"] = new JsonArray([.. workers]),
            ["summary"] = new JsonObject
            {
                ["running"] = Count("RUNNING"),
                ["idle"] = Count("IDLE"),
                ["initializing"] = Count("INITIALIZING"),
                ["throttled"] = 0,
                ["unhealthy"] = 0,
                ["total"] = workers.Count,
            },
            ["endpointVersion"] = world.Endpoint.Version,
        };
    }

    private static JsonObject RequestUrls(EndpointDocument doc, string origin)
    {
        if (doc.Type == "LOAD_BALANCER")
        {
            // Workers' own HTTP servers are not emulated; the URLs keep RunPod's shape.
            return new JsonObject { ["base"] = $"https://{doc.Id}.api.runpod.ai", ["health"] = $"https://{doc.Id}.api.runpod.ai/ping" };
        }
        var root = $"{origin}/v2/{doc.Id}";
        return new JsonObject
        {
            ["run"] = $"{root}/run",
            ["runSync"] = $"{root}/runsync",
            ["status"] = $"{root}/status/{{job_id}}",
            ["stream"] = $"{root}/stream/{{job_id}}",
            ["cancel"] = $"{root}/cancel/{{job_id}}",
            ["retry"] = $"{root}/retry/{{job_id}}",
            ["purgeQueue"] = $"{root}/purge-queue",
            ["health"] = $"{root}/health",
        };
    }

    private static bool OmitsIdleTimeout(string type, JsonObject scaling) => type == "QUEUE" && scaling.Str("type") == "REQUEST_COUNT";

    private static JsonObject CreateGpu(JsonObject gpu, TemplateSettings? template)
    {
        var (pools, excluded) = EndpointRules.CheckGpuSelection(gpu.Strings("pools")!, gpu.Strings("excludedTypes"));
        var minCuda = gpu.Str("minCudaVersion");
        var allowed = gpu.Strings("allowedCudaVersions") ?? (minCuda is null ? template?.AllowedCudaVersions : null) ?? [];
        EndpointRules.CheckCuda(allowed, minCuda);
        var result = new JsonObject { ["pools"] = Strings(pools) };
        if (excluded is not null)
        {
            result["excludedTypes"] = Strings(excluded);
        }
        result["count"] = gpu.Int("count") ?? 1;
        result["allowedCudaVersions"] = Strings(allowed);
        result["minCudaVersion"] = minCuda;
        return result;
    }

    private static void UpdateGpu(JsonObject current, JsonObject patch)
    {
        if (patch.ContainsKey("excludedTypes") && !patch.ContainsKey("pools"))
        {
            throw ApiException.Validation(["$.gpu: property 'excludedTypes' requires 'pools'"]);
        }
        if (patch.Strings("pools") is { } pools)
        {
            // Pools and exclusions are one selection: new pools without exclusions clear them.
            var (checkedPools, excluded) = EndpointRules.CheckGpuSelection(pools, patch.Strings("excludedTypes"));
            current["pools"] = Strings(checkedPools);
            current.Remove("excludedTypes");
            if (excluded is not null)
            {
                current["excludedTypes"] = Strings(excluded);
            }
        }
        if (patch.Int("count") is { } count)
        {
            current["count"] = count;
        }
        if (patch.Strings("allowedCudaVersions") is { } allowed)
        {
            current["allowedCudaVersions"] = Strings(allowed);
        }
        if (patch.ContainsKey("minCudaVersion"))
        {
            current["minCudaVersion"] = patch.Str("minCudaVersion") is { Length: > 0 } floor ? floor : null;
        }
        EndpointRules.CheckCuda(current.Strings("allowedCudaVersions"), current.Str("minCudaVersion"));
    }

    /// <summary>templateId on PATCH: the template's container settings as if sent, body fields win; env = template env + body env.</summary>
    private static void ApplyTemplate(JsonObject endpoint, TemplateSettings template, JsonObject body)
    {
        endpoint["image"] = template.Image;
        endpoint["args"] = template.Args;
        endpoint["disk"] = template.Disk;
        endpoint["ports"] = Strings(template.Ports);
        endpoint["registry"] = template.Registry;
        var env = new JsonObject();
        foreach (var (key, value) in template.Env)
        {
            env[key] = value;
        }
        foreach (var (key, value) in body.StringMap("env") ?? [])
        {
            env[key] = value;
        }
        endpoint["env"] = env;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            target[key] = value?.DeepClone();
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
