using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Commands.Capacity;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

/// <summary>
/// Turns the flags of <c>endpoint create</c>/<c>update</c> into a CreateEndpointRequest or a sparse
/// UpdateEndpointRequest. Every flag is checked before anything is sent; the rules RunPod would
/// answer with a 400 are caught here with a message naming the flag.
/// </summary>
internal static class EndpointRequestBuilder
{
    public static async Task<JsonObject> CreateAsync(Invocation inv, ParseResult parse, EndpointSpecOptions o, CancellationToken ct)
    {
        var image = parse.GetValue(o.Image);
        var template = parse.GetValue(o.Template);
        if (image is null && template is null)
            throw CliException.Usage("endpoint create needs --template TEMPLATE_ID or --image IMAGE");

        var type = parse.GetValue(o.Type) == "load-balancer" ? "LOAD_BALANCER" : "QUEUE";
        var scalerType = ScalerType(parse.GetValue(o.ScalerType)) ?? (type == "LOAD_BALANCER" ? "REQUEST_COUNT" : "QUEUE_DELAY");
        CheckScaler(type, scalerType, parse.GetValue(o.IdleTimeout));
        CheckWorkerRange(parse.GetValue(o.WorkersMin) ?? 0, parse.GetValue(o.WorkersMax) ?? 3);
        var scaling = Scaling(scalerType, parse.GetValue(o.ScalerValue));
        var cuda = Cuda(parse, o);
        var cpu = Cpu(parse.GetValue(o.Cpu) ?? []);
        CheckComputeFlags(parse, o, cpu);
        var regions = CapacityOptions.Regions(parse, o.Region);
        var env = EnvVars.Parse(parse.GetValue(o.Env) ?? [], null, inv.Context);

        // Only now, with every flag valid, is the catalog asked (to translate GPU names to pools).
        var body = new JsonObject();
        JsonObject? gpu = null;
        if (cpu is null)
        {
            var pools = await Pools(inv, parse.GetValue(o.Gpu) is { Length: > 0 } given ? given : ["AMPERE_24"], ct);
            gpu = new JsonObject { ["pools"] = Strings(pools) };
            if (parse.GetValue(o.ExcludeGpu) is { Length: > 0 } excluded)
                gpu["excludedTypes"] = Strings(await Excluded(inv, excluded, pools, ct));
            if (parse.GetValue(o.GpuCount) is { } count)
                gpu["count"] = count;
            AddCuda(gpu, cuda);
        }

        var name = parse.GetValue(o.Name) ?? NameGenerator.ForGpu(gpu?["pools"]?[0]?.GetValue<string>() ?? "cpu").Replace("rpctl-", "rpctl-ep-", StringComparison.Ordinal);
        CheckName(name);
        body["name"] = name;
        body["type"] = type;
        body["scaling"] = scaling;
        if (template is not null) body["templateId"] = template;
        if (image is not null) body["image"] = image;
        if (env.Count > 0) body["env"] = Env(env);
        if (parse.GetValue(o.ContainerDisk) is { } disk) body["disk"] = disk;
        if (gpu is not null) body["gpu"] = gpu;
        if (cpu is not null) body["cpu"] = cpu;
        var workers = Workers(parse, o);
        if (workers.Count > 0) body["workers"] = workers;
        if (regions.Count > 0) body["dataCenterIds"] = Strings(regions);
        if (parse.GetValue(o.NetworkVolume) is { Length: > 0 } volumes) body["networkVolumes"] = Strings(volumes);
        if (parse.GetValue(o.ExecutionTimeout) is { } timeout) body["timeout"] = Millis(timeout);
        if (EndpointSpecOptions.FlashbootMode(parse.GetValue(o.Flashboot)) is { } flashboot) body["flashboot"] = flashboot;
        return body;
    }

    /// <summary>Only the fields given; explicit zeros (<c>--workers-min 0</c>) are sent. Reads the endpoint when a change depends on it.</summary>
    public static async Task<JsonObject> UpdateAsync(Invocation inv, ParseResult parse, EndpointSpecOptions o, string id, CancellationToken ct)
    {
        var cuda = Cuda(parse, o);
        var cpu = Cpu(parse.GetValue(o.Cpu) ?? []);
        CheckComputeFlags(parse, o, cpu);
        var regions = CapacityOptions.Regions(parse, o.Region);
        var env = EnvVars.Parse(parse.GetValue(o.Env) ?? [], null, inv.Context);
        var scalerType = ScalerType(parse.GetValue(o.ScalerType));
        var scalerValue = parse.GetValue(o.ScalerValue);
        if (scalerType is not null && scalerValue is not null)
            Scaling(scalerType, scalerValue); // validate before any request

        var changes = new JsonObject();
        if (parse.GetValue(o.Name) is { } name)
        {
            CheckName(name);
            changes["name"] = name;
        }

        if (parse.GetValue(o.Template) is { } template) changes["templateId"] = template;
        if (parse.GetValue(o.Image) is { } image) changes["image"] = image;
        if (parse.GetValue(o.ContainerDisk) is { } disk) changes["disk"] = disk;
        if (cpu is not null) changes["cpu"] = cpu;
        var workers = Workers(parse, o);
        if (workers.Count > 0) changes["workers"] = workers;
        if (regions.Count > 0) changes["dataCenterIds"] = Strings(regions);
        if (parse.GetValue(o.NetworkVolume) is { Length: > 0 } volumes) changes["networkVolumes"] = Strings(volumes);
        if (parse.GetValue(o.ExecutionTimeout) is { } timeout) changes["timeout"] = Millis(timeout);
        if (EndpointSpecOptions.FlashbootMode(parse.GetValue(o.Flashboot)) is { } flashboot) changes["flashboot"] = flashboot;

        var gpuPools = parse.GetValue(o.Gpu) ?? [];
        var excluded = parse.GetValue(o.ExcludeGpu) ?? [];
        var needCurrent = env.Count > 0 || (scalerType is null && scalerValue is not null) || (excluded.Length > 0 && gpuPools.Length == 0)
                          || parse.GetValue(o.IdleTimeout) is not null;
        var current = needCurrent ? await (await inv.ClientAsync(ct)).Endpoints.GetAsync(id, ct) : null;
        var currentNode = current is null ? null : JsonNode.Parse(current.Raw.GetRawText());

        if (env.Count > 0)
        {
            // PATCH replaces env as a whole, so the current variables are re-sent with the new ones.
            var merged = currentNode?["env"] as JsonObject is { } now ? (JsonObject)now.DeepClone() : new JsonObject();
            foreach (var (k, v) in env) merged[k] = v;
            changes["env"] = merged;
        }

        if (scalerType is not null || scalerValue is not null)
            changes["scaling"] = Scaling(scalerType ?? current!.Scaling?.Type ?? "QUEUE_DELAY", scalerValue);
        if (parse.GetValue(o.IdleTimeout) is not null && current is not null)
            CheckScaler(current.Type ?? "QUEUE", scalerType ?? current.Scaling?.Type ?? "QUEUE_DELAY", parse.GetValue(o.IdleTimeout));

        var gpu = new JsonObject();
        if (gpuPools.Length > 0 || excluded.Length > 0)
        {
            // Pools and exclusions are one selection: sending pools without exclusions clears them.
            var pools = gpuPools.Length > 0 ? await Pools(inv, gpuPools, ct) : current!.Gpu?.Pools
                ?? throw CliException.Usage($"endpoint {id} is a CPU endpoint: --exclude-gpu does not apply");
            gpu["pools"] = Strings(pools);
            if (excluded.Length > 0)
                gpu["excludedTypes"] = Strings(await Excluded(inv, excluded, pools, ct));
        }

        if (parse.GetValue(o.GpuCount) is { } count) gpu["count"] = count;
        AddCuda(gpu, cuda);
        if (gpu.Count > 0) changes["gpu"] = gpu;

        if (changes.Count == 0)
            throw CliException.Usage("nothing to update: give at least one setting such as --workers-max, --gpu, --image or --env (see --help)");
        return changes;
    }

    private static void CheckComputeFlags(ParseResult parse, EndpointSpecOptions o, JsonArray? cpu)
    {
        if (cpu is null)
            return;
        if (parse.GetValue(o.Gpu) is { Length: > 0 })
            throw CliException.Usage("--gpu and --cpu cannot be used together: an endpoint's workers are GPU or CPU");
        if (parse.GetValue(o.GpuCount) is not null || parse.GetValue(o.ExcludeGpu) is { Length: > 0 }
            || parse.GetValue(o.CudaVersion) is { Length: > 0 } || parse.GetValue(o.MinCudaVersion) is not null)
            throw CliException.Usage("--gpu-count, --exclude-gpu and the CUDA flags apply only to GPU endpoints, not with --cpu");
    }

    private static void CheckScaler(string type, string scalerType, int? idleTimeout)
    {
        if (type == "LOAD_BALANCER" && scalerType != "REQUEST_COUNT")
            throw CliException.Usage("--type load-balancer needs --scaler-type request-count");
        if (type == "QUEUE" && scalerType == "REQUEST_COUNT" && idleTimeout is not null)
            throw CliException.Usage("--idle-timeout does not apply to queue endpoints scaling on request-count");
    }

    private static void CheckWorkerRange(int min, int max)
    {
        if (min > max)
            throw CliException.Usage($"--workers-min ({min}) cannot exceed --workers-max ({max})");
    }

    private static void CheckName(string name)
    {
        if (name.Trim().Length == 0)
            throw CliException.BadValue("--name", name, "the name must not be empty");
    }

    private static string? ScalerType(string? flag) => flag switch
    {
        "queue-delay" => "QUEUE_DELAY",
        "request-count" => "REQUEST_COUNT",
        _ => null,
    };

    private static JsonObject Scaling(string type, string? value)
    {
        if (type == "QUEUE_DELAY")
        {
            var delay = 4.0;
            if (value is not null && (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out delay) || delay < 0.5 || double.IsInfinity(delay)))
                throw CliException.BadValue("--scaler-value", value, "queue-delay takes seconds, at least 0.5");
            return new JsonObject { ["type"] = type, ["queueDelay"] = delay };
        }

        var requests = 1;
        if (value is not null && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out requests) || requests < 1))
            throw CliException.BadValue("--scaler-value", value, "request-count takes a whole number of requests, at least 1");
        return new JsonObject { ["type"] = type, ["requestCount"] = requests };
    }

    private static JsonObject Workers(ParseResult parse, EndpointSpecOptions o)
    {
        var workers = new JsonObject();
        if (parse.GetValue(o.WorkersMin) is { } min) workers["min"] = min;
        if (parse.GetValue(o.WorkersMax) is { } max) workers["max"] = max;
        if (parse.GetValue(o.IdleTimeout) is { } idle) workers["idleTimeout"] = idle;
        if (workers["min"] is not null && workers["max"] is not null)
            CheckWorkerRange(workers["min"]!.GetValue<int>(), workers["max"]!.GetValue<int>());
        return workers;
    }

    private static (List<string> Allowed, string? Min) Cuda(ParseResult parse, EndpointSpecOptions o)
    {
        var allowed = CapacityOptions.Split(parse.GetValue(o.CudaVersion));
        foreach (var c in allowed.Where(c => !CapacityOptions.IsCudaVersion(c)))
            throw CliException.BadValue("--cuda-version", c, "expected MAJOR.MINOR such as 12.8");
        var min = parse.GetValue(o.MinCudaVersion);
        if (min is not null && !CapacityOptions.IsCudaVersion(min))
            throw CliException.BadValue("--min-cuda-version", min, "expected MAJOR.MINOR such as 12.4");
        if (min is not null && allowed.Count > 0)
            throw CliException.Usage("--cuda-version and --min-cuda-version cannot be used together: give a list or a floor");
        return (allowed, min);
    }

    private static void AddCuda(JsonObject gpu, (List<string> Allowed, string? Min) cuda)
    {
        if (cuda.Allowed.Count > 0) gpu["allowedCudaVersions"] = Strings(cuda.Allowed);
        if (cuda.Min is not null) gpu["minCudaVersion"] = cuda.Min;
    }

    private static JsonArray? Cpu(string[] specs)
    {
        if (specs.Length == 0)
            return null;
        var result = new JsonArray();
        foreach (var spec in specs.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = spec.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var vcpus))
                throw CliException.BadValue("--cpu", spec, "expected FLAVOR:VCPUS such as cpu3c:4");
            if (vcpus < 2 || (vcpus & (vcpus - 1)) != 0)
                throw CliException.BadValue("--cpu", spec, "the vCPU count must be a power of two, at least 2");
            result.Add((JsonNode)new JsonObject { ["id"] = parts[0], ["vcpuCount"] = vcpus });
        }

        return result;
    }

    private static async Task<List<string>> Pools(Invocation inv, string[] inputs, CancellationToken ct)
    {
        var pools = new List<string>();
        foreach (var input in inputs.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var pool = await ServerlessPools.ResolveAsync(inv, "--gpu", input, ct);
            if (!pools.Contains(pool))
                pools.Add(pool);
        }

        return pools;
    }

    private static async Task<List<string>> Excluded(Invocation inv, string[] inputs, List<string> pools, CancellationToken ct)
    {
        var inPools = await ServerlessPools.TypesInAsync(inv, pools, ct);
        var ids = new List<string>();
        foreach (var input in inputs)
        {
            var gpu = await inv.GpuCatalog.ResolveAsync("--exclude-gpu", input, ct);
            if (inPools.Count > 0 && !inPools.Contains(gpu.Id))
                throw CliException.BadValue("--exclude-gpu", input, $"{gpu.Name} is not in the selected pools ({string.Join(", ", pools)})");
            ids.Add(gpu.Id);
        }

        return ids;
    }

    private static long Millis(TimeSpan span) => (long)span.TotalMilliseconds;

    private static JsonObject Env(Dictionary<string, string> env) => new(env.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
