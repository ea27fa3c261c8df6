using System.Globalization;
using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Http;
using RunPod.Emulator.Simulation;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Pods;

/// <summary>"Now" and the lifecycle delays, as one read transaction saw them.</summary>
internal sealed record RenderMoment(DateTimeOffset Now, EmulatorConfig Config);

/// <summary>Pod behaviour shared by REST v2 and GraphQL: create, read, update, lifecycle actions.</summary>
internal sealed class PodService(
    PodStore pods, Scheduler scheduler, CapacityLedger capacity, EmulatorClock clock, EmulatorConfigStore config,
    ITemplateSource templates, INetworkVolumeSource volumes)
{
    public PodRecord Create(StateTransaction tx, string account, PodSpec spec)
    {
        spec = ApplyTemplate(tx, account, spec);
        if (string.IsNullOrEmpty(spec.Image))
        {
            throw ApiException.Validation(["$: missing properties: 'image'"]);
        }
        var mounts = JsonNode.Parse(spec.MountsJson)!.AsObject();
        var pinned = CheckMounts(tx, account, mounts, isCpu: spec.GpuId is null, spec.DataCenterIds);
        var units = CheckCompute(spec);
        PortSpec.Validate(spec.Ports ?? []);

        var placement = scheduler.Place(tx, spec, pinned);
        var now = clock.Now(tx);
        var gpu = spec.GpuId is null ? null : CatalogSeed.Gpu(spec.GpuId);
        var cpu = spec.CpuId is null ? null : CatalogSeed.Cpu(spec.CpuId);
        var pod = new PodRecord
        {
            Id = UniqueId(tx),
            Name = spec.Name,
            Image = spec.Image,
            Args = spec.Args ?? "",
            Disk = spec.Disk ?? (cpu is null ? 20 : 5 * spec.VcpuCount),
            Env = new Dictionary<string, string>(spec.Env ?? []),
            Ports = [.. spec.Ports ?? []],
            Registry = spec.Registry,
            GpuId = gpu?.Id,
            GpuCount = gpu is null ? 0 : units,
            CpuId = cpu?.Id,
            VcpuCount = cpu is null ? Math.Max(spec.MinVcpuCount, 8) * Math.Max(1, units) : units,
            MemoryGb = cpu is null ? Math.Max(spec.MinMemoryInGb, 31) * Math.Max(1, units) : (int)Math.Round(cpu.RamGbPerVcpu * units),
            Cloud = placement.Cloud,
            DataCenterId = placement.DataCenterId,
            CudaVersion = placement.CudaVersion,
            HostSuffix = IdGenerator.Hex(8),
            MachineId = IdGenerator.Random(12),
            PublicIp = $"{Random.Shared.Next(100, 224)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}",
            MountsJson = mounts.ToJsonString(),
            GlobalNetworking = spec.GlobalNetworking,
            Template = null, // the spec: templateId is a one-time source, the pod keeps no link
            SourceTemplateId = spec.TemplateId,
            CreatedAt = now,
            LaunchedAt = now,
            LaunchProvisions = true,
            Interruptible = spec.Interruptible,
            BidPerGpu = spec.BidPerGpu,
        };
        if (spec.StartJupyter && !pod.Env.ContainsKey("JUPYTER_PASSWORD"))
        {
            pod.Env["JUPYTER_PASSWORD"] = IdGenerator.Random(20);
        }
        AssignPublicPorts(pod);
        AssignGlobalIp(pod);
        pods.Save(tx, account, pod);
        return pod;
    }

    public PodRecord Get(StateTransaction tx, string account, string id) => pods.Find(tx, account, id) ?? throw ApiException.NotFound();

    public List<PodRecord> List(StateTransaction tx, string account) => pods.List(tx, account);

    public PodState StateOf(StateTransaction tx, PodRecord pod) => PodLifecycle.StateAt(pod, clock.Now(tx), config.Get(tx));

    /// <summary>The clock and delays, read once so that rendering a list costs no query per pod.</summary>
    public RenderMoment Moment(StateTransaction tx) => new(clock.Now(tx), config.Get(tx));

    public JsonObject Render(StateTransaction tx, PodRecord pod) => Render(Moment(tx), pod);

    /// <summary>Needs no transaction: a list reads its rows and the moment, then renders outside the lock.</summary>
    public static JsonObject Render(RenderMoment moment, PodRecord pod)
    {
        var state = PodLifecycle.StateAt(pod, moment.Now, moment.Config);
        return PodJson.WithUptime(PodJson.Render(pod, state), state, moment.Now);
    }

    /// <summary>PATCH: only fields present change; `registry: null` / `ports: []` clear.</summary>
    public PodRecord Update(StateTransaction tx, string account, string id, JsonObject body)
    {
        var pod = Get(tx, account, id);
        if (body.Str("templateId") is { Length: > 0 } templateId)
        {
            var template = templates.Find(tx, account, templateId) ?? throw ApiException.NotFound();
            if (template.Serverless)
            {
                throw ApiException.Validation(["$.templateId: a serverless template cannot be applied to a pod"]);
            }
            pod.Image = template.Image;
            pod.SourceTemplateId = templateId;
            pod.Args = template.Args;
            pod.Disk = template.Disk;
            pod.Ports = [.. template.Ports];
            pod.Registry = template.Registry;
            // env: template merged with the body (body wins), then it replaces the pod's env.
            pod.Env = new Dictionary<string, string>(template.Env);
            foreach (var (key, value) in body.StringMap("env") ?? [])
            {
                pod.Env[key] = value;
            }
        }
        else if (body.StringMap("env") is { } env)
        {
            pod.Env = env;
        }
        if (body.Str("name") is { } name) pod.Name = name;
        if (body.Str("image") is { } image) pod.Image = image;
        if (body.Str("args") is { } args) pod.Args = args;
        if (body.Int("disk") is { } disk) pod.Disk = disk;
        if (body.ContainsKey("registry")) pod.Registry = body.Str("registry");
        if (body.Bool("locked") is { } locked) pod.Locked = locked;
        if (body.Bool("globalNetworking") is { } global) pod.GlobalNetworking = global; // takes effect on next start
        if (body.Strings("ports") is { } ports)
        {
            PortSpec.Validate(ports);
            pod.Ports = ports;
            AssignPublicPorts(pod);
        }
        if (body["mounts"] is JsonObject mounts)
        {
            pod.MountsJson = MergeMounts(JsonNode.Parse(pod.MountsJson)!.AsObject(), mounts).ToJsonString();
        }
        pods.Save(tx, account, pod);
        return pod;
    }

    /// <summary>Runs a lifecycle action; returns null when the pod was terminated (204).</summary>
    /// <param name="resumeGpuCount">GraphQL podResume/podBidResume may resume with another GPU count.</param>
    /// <param name="bidPerGpu">GraphQL podBidResume sets a new spot bid.</param>
    public PodRecord? Act(StateTransaction tx, string account, string id, string action, int? resumeGpuCount = null, double? bidPerGpu = null)
    {
        var pod = Get(tx, account, id);
        var state = StateOf(tx, pod);
        if (!PodLifecycle.Actions(state.Status).Contains(action))
        {
            throw ApiException.Conflict($"cannot {action} a pod in status {state.Status}");
        }
        var now = clock.Now(tx);
        switch (action)
        {
            case "terminate":
                pods.Delete(tx, account, id);
                return null;
            case "stop":
                if (pod.Locked)
                {
                    throw ApiException.Conflict("pod is locked; unlock it before stopping");
                }
                pod.DesiredStatus = PodStatuses.Exited;
                pod.LastStartedAt = state.StartedAt;
                break;
            case "start":
                if (resumeGpuCount is { } count && pod.IsGpu)
                {
                    pod.GpuCount = count;
                }
                if (bidPerGpu is { } bid)
                {
                    pod.BidPerGpu = bid;
                }
                // Stopped pods released their GPUs and resume on the same host, which may be full now.
                if (capacity.Free(tx, pod.ResourceId, pod.DataCenterId, pod.Cloud) < pod.Units)
                {
                    throw ApiException.BadRequest("There are not enough free GPUs on the host machine to start this pod.");
                }
                pod.DesiredStatus = PodStatuses.Running;
                pod.LaunchedAt = now;
                pod.LaunchProvisions = false;
                AssignGlobalIp(pod);
                break;
            case "restart":
                pod.LastStartedAt = state.StartedAt;
                pod.LaunchedAt = now;
                pod.LaunchProvisions = false;
                AssignGlobalIp(pod);
                break;
        }
        pods.Save(tx, account, pod);
        return pod;
    }

    private PodSpec ApplyTemplate(StateTransaction tx, string account, PodSpec spec)
    {
        if (spec.TemplateId is null)
        {
            return spec;
        }
        var template = templates.Find(tx, account, spec.TemplateId) ?? throw ApiException.NotFound();
        if (template.Serverless)
        {
            throw ApiException.Validation(["$.templateId: a serverless template cannot be used to create a pod"]);
        }
        var env = new Dictionary<string, string>(template.Env);
        foreach (var (key, value) in spec.Env ?? [])
        {
            env[key] = value;
        }
        var isCpu = spec.GpuId is null;
        var mounts = JsonNode.Parse(spec.MountsJson)!.AsObject();
        if (mounts.Count == 0 && !isCpu && template.PersistentMountJson is { } persistent)
        {
            mounts["persistent"] = JsonNode.Parse(persistent);
        }
        var bodyHasCuda = spec.AllowedCudaVersions is not null || spec.MinCudaVersion is not null;
        return spec with
        {
            Image = spec.Image ?? template.Image,
            Args = spec.Args ?? template.Args,
            Disk = spec.Disk ?? template.Disk,
            Ports = spec.Ports ?? template.Ports,
            Registry = spec.Registry ?? template.Registry,
            Env = env,
            MountsJson = mounts.ToJsonString(),
            StartSsh = spec.StartSsh || template.StartSsh,
            StartJupyter = spec.StartJupyter || template.StartJupyter,
            AllowedCudaVersions = bodyHasCuda || isCpu ? spec.AllowedCudaVersions : template.AllowedCudaVersions,
        };
    }

    /// <summary>Cross-field mount rules (400); returns the DC a network volume pins the pod to.</summary>
    private string? CheckMounts(StateTransaction tx, string account, JsonObject mounts, bool isCpu, List<string> dataCenterIds)
    {
        if (mounts.ContainsKey("persistent") && mounts.ContainsKey("network"))
        {
            throw ApiException.BadRequest("mounts.persistent and mounts.network are mutually exclusive");
        }
        if (isCpu && mounts.ContainsKey("persistent"))
        {
            throw ApiException.BadRequest("CPU pods do not support a persistent mount; use a network volume");
        }
        if (mounts["network"] is JsonArray { Count: > 0 } network)
        {
            var volumeId = network[0]!["volumeId"]!.GetValue<string>();
            var dataCenter = volumes.DataCenterOf(tx, account, volumeId) ?? throw ApiException.NotFound();
            if (dataCenterIds.Count > 0 && !dataCenterIds.Contains(dataCenter))
            {
                throw ApiException.BadRequest($"network volume {volumeId} is in {dataCenter}; a pod using it must be placed there, but dataCenterIds allows only {string.Join(", ", dataCenterIds)}");
            }
            return dataCenter;
        }
        return null;
    }

    /// <summary>Returns the units requested (GPUs or vCPUs) after the compute cross-field rules.</summary>
    private static int CheckCompute(PodSpec spec)
    {
        if (spec.GpuId is not null)
        {
            if (spec.AllowedCudaVersions is { Count: > 0 } && spec.MinCudaVersion is not null)
            {
                throw ApiException.BadRequest("gpu.allowedCudaVersions and gpu.minCudaVersion are mutually exclusive");
            }
            var gpu = CatalogSeed.Gpu(spec.GpuId) ?? throw ApiException.NoCapacity();
            if (spec.GlobalNetworking && gpu.Manufacturer != "NVIDIA")
            {
                throw ApiException.BadRequest("global networking requires an NVIDIA GPU");
            }
            return spec.GpuCount;
        }
        var cpu = CatalogSeed.Cpu(spec.CpuId ?? "") ?? throw ApiException.BadRequest($"unknown CPU flavor '{spec.CpuId}'");
        if (spec.GlobalNetworking)
        {
            throw ApiException.BadRequest("global networking requires an NVIDIA GPU");
        }
        if (!IsPowerOfTwo(spec.VcpuCount) || spec.VcpuCount < cpu.VcpuMin || spec.VcpuCount > cpu.VcpuMax)
        {
            throw ApiException.BadRequest($"cpu.vcpuCount must be a power of two between {cpu.VcpuMin} and {cpu.VcpuMax} for {cpu.Id}");
        }
        return spec.VcpuCount;
    }

    private static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>The mount rules of PATCH: kind fixed at create, volumeId immutable, path changeable.</summary>
    private static JsonObject MergeMounts(JsonObject current, JsonObject patch)
    {
        if (patch.Count == 0)
        {
            return current;
        }
        if (patch.ContainsKey("persistent") && patch.ContainsKey("network"))
        {
            throw ApiException.BadRequest("mounts.persistent and mounts.network are mutually exclusive");
        }
        if (patch["network"] is JsonArray { Count: 0 })
        {
            throw ApiException.BadRequest("mounts cannot be cleared");
        }
        foreach (var (kind, value) in patch)
        {
            if (!current.ContainsKey(kind))
            {
                throw ApiException.BadRequest($"cannot add a {kind} mount: the mount kind is fixed when the pod is created");
            }
            if (kind == "network")
            {
                var oldId = current["network"]![0]!["volumeId"]!.GetValue<string>();
                var newId = value![0]!["volumeId"]!.GetValue<string>();
                if (oldId != newId)
                {
                    throw ApiException.BadRequest("mounts.network[0].volumeId cannot be changed");
                }
            }
            current[kind] = value!.DeepClone();
        }
        return current;
    }

    private static void AssignPublicPorts(PodRecord pod)
    {
        foreach (var port in pod.Ports)
        {
            var (number, protocol) = PortSpec.Parse(port);
            var key = number.ToString(CultureInfo.InvariantCulture);
            if (protocol == "tcp" && !pod.PublicPorts.ContainsKey(key))
            {
                pod.PublicPorts[key] = Random.Shared.Next(10000, 60000);
            }
        }
    }

    private static void AssignGlobalIp(PodRecord pod) =>
        pod.GlobalIp = pod.GlobalNetworking ? pod.GlobalIp ?? $"10.65.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}" : null;

    private static string UniqueId(StateTransaction tx)
    {
        string id;
        do
        {
            id = IdGenerator.PodId();
        }
        while (tx.DocumentIdExists(PodStore.Kind, id));
        return id;
    }
}
