using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunPod.Api;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>One way of creating the pod: a GPU type in a cloud, on REST v2 or on GraphQL.</summary>
internal sealed record CreateAttempt(string Label, ApiRequest Request, string? GraphQlField)
{
    /// <summary>The pod's name, by which a create with a lost answer is looked up.</summary>
    public string Name => (Request.Body?["name"] ?? Request.Body?["variables"]?["input"]?["name"])?.GetValue<string>() ?? "";
}

/// <summary>Flag values that passed <see cref="PodCreatePlanner.Check"/>.</summary>
internal sealed record CheckedFlags(string? Image, string? Template, string[] GpuInputs, string? Cpu, int? Vcpu, bool Spot, double? Bid,
    List<string> CudaVersions, string? MinCuda, int? VolumeDisk, string? NetworkVolume, string? MountPath, List<string> Ports,
    List<string> Regions, string? Country);

/// <summary>Values the planner settled on that a saved preset needs: the merged env and the GPU type ids.</summary>
internal sealed record PlannedValues(IReadOnlyDictionary<string, string> Env, IReadOnlyList<string> GpuIds);

/// <summary>
/// Turns the flags of <c>pod create</c> into the requests to try, in order. Everything is checked
/// here, before anything is sent, so a bad flag never costs a half-made pod.
/// </summary>
internal static partial class PodCreatePlanner
{
    public static async Task<(List<CreateAttempt> Attempts, PlannedValues Values)> PlanAsync(Invocation inv, PodCreateInput flags, PodCreateOptions o, CancellationToken ct)
    {
        var (image, template, gpuInputs, cpu, vcpu, spot, bid, cudaVersions, minCuda, volumeDisk, networkVolume, mountPath, ports, regions, country) =
            Check(flags, o, complete: true);
        var env = flags.Env(inv.Context);

        var clouds = (flags.Get(o.CloudType) ?? "secure") switch
        {
            "community" => new[] { "COMMUNITY" },
            "all" => ["SECURE", "COMMUNITY"],
            _ => ["SECURE"],
        };

        // Only now, with every flag valid, is the network touched (catalog, data centers, volume).
        var gpus = new List<GpuEntry>();
        foreach (var input in gpuInputs)
            gpus.Add(await inv.GpuCatalog.ResolveAsync(flags.Origin(o.Gpu), input, ct));

        var regionsTyped = regions.Count > 0;
        if (country is not null)
            regions = await CountryDataCenters.ResolveAsync(inv, country, regions, ct);
        if (networkVolume is not null)
            regions = await NetworkVolumePlacement.PinAsync(inv, networkVolume, regions, ct);

        var name = flags.Get(o.Name) ?? NameGenerator.ForGpu(gpus.FirstOrDefault()?.Name ?? cpu);
        if (name.Trim().Length == 0)
            throw CliException.BadValue("--name", name, "the name must not be empty");

        var useGraphQl = spot || flags.Get(o.MinVcpu) is not null || flags.Get(o.MinRam) is not null
                         || flags.Get(o.MinDownload) is not null || flags.Get(o.MinUpload) is not null
                         || flags.Get(o.PublicIp);

        var common = new CreatePodRequest
        {
            Name = name,
            Image = image,
            TemplateId = template,
            Disk = flags.Get(o.ContainerDisk),
            Ports = ports.Count > 0 ? ports : null,
            Env = env.Count > 0 ? env : null,
            Args = flags.Get(o.DockerStartCmd),
            Registry = flags.Get(o.Registry),
            StartSsh = !flags.Get(o.NoSsh),
            StartJupyter = flags.Get(o.Jupyter) ? true : null,
            GlobalNetworking = flags.Get(o.GlobalNetworking) ? true : null,
            DataCenterIds = regions.Count > 0 ? regions : null,
            Mounts = volumeDisk is { } size ? new Mounts { Persistent = new PersistentMount(size, mountPath ?? "/workspace") }
                : networkVolume is not null ? new Mounts { Network = [new NetworkMount(networkVolume, mountPath ?? "/workspace")] }
                : null,
        };

        var planned = new PlannedValues(env, gpus.Select(g => g.Id).ToList());
        if (cpu is not null)
        {
            common.Cpu = new CreateCpuConfig { Id = cpu, VcpuCount = vcpu ?? 2 };
            return (clouds.Select(cloud => Rest($"{cpu} ({cloud.ToLowerInvariant()})", common, cloud)).ToList(), planned);
        }

        var count = flags.Get(o.GpuCount) ?? 1;
        if (useGraphQl)
        {
            var graphQlCloud = clouds.Length == 2 ? "ALL" : clouds[0];
            // GraphQL takes one data center (or a country) per request: several data centers become
            // several attempts, tried in order; a country alone is sent as countryCode.
            var countryOnly = country is not null && !regionsTyped && networkVolume is null;
            List<string?> placements = countryOnly || regions.Count == 0 ? [null] : [.. regions];
            return ([.. gpus.SelectMany(g => placements.Select(dc => GraphQlAttempt(g, count, graphQlCloud, common, flags, o, spot, bid,
                countryOnly ? country : null, dc, volumeDisk, networkVolume, mountPath, cudaVersions)))], planned);
        }

        var attempts = new List<CreateAttempt>();
        foreach (var gpu in gpus)
        {
            foreach (var cloud in clouds)
            {
                var request = Clone(common);
                request.Gpu = new CreateGpuConfig
                {
                    Id = gpu.Id,
                    Count = count,
                    AllowedCudaVersions = cudaVersions.Count > 0 ? cudaVersions : null,
                    MinCudaVersion = minCuda,
                };
                attempts.Add(Rest($"{count}x {gpu.Name} ({cloud.ToLowerInvariant()})", request, cloud));
            }
        }

        return (attempts, planned);
    }

    /// <summary>
    /// Every check that needs no network, shared by <c>pod create</c> and <c>preset save</c> so a preset
    /// can never hold values a create would reject. <paramref name="complete"/>: also require an image
    /// (or template) and a GPU or CPU type, which a preset may leave for later flags.
    /// </summary>
    public static CheckedFlags Check(PodCreateInput flags, PodCreateOptions o, bool complete)
    {
        if (flags.Get(o.Entrypoint) is not null)
            throw CliException.Usage("--entrypoint is not supported: RunPod's v2 API has no entrypoint field and no API surface sets it; " +
                                     "pass the command with --docker-start-cmd (sent as the entrypoint's args) or set ENTRYPOINT in the image");

        var image = flags.Get(o.Image);
        var template = flags.Get(o.Template);
        if (complete && image is null && template is null)
            throw CliException.Usage("pod create needs --image IMAGE or --template TEMPLATE_ID");

        var gpuInputs = flags.Get(o.Gpu) ?? [];
        var cpu = flags.Get(o.Cpu);
        if (gpuInputs.Length > 0 && cpu is not null)
            throw CliException.Usage("--gpu and --cpu cannot be used together: a pod is either a GPU pod or a CPU pod");
        if (complete && gpuInputs.Length == 0 && cpu is null)
            throw CliException.Usage("pod create needs --gpu TYPE (or --cpu FLAVOR --vcpu N for a CPU pod)");
        var vcpu = flags.Get(o.Vcpu);
        if (vcpu is not null && cpu is null)
            throw CliException.Usage("--vcpu applies only to CPU pods (with --cpu)");
        if (vcpu is { } v && (v & (v - 1)) != 0)
            throw CliException.BadValue("--vcpu", v.ToString(), "expected a power of two (2, 4, 8, ...)");
        if (cpu is not null && flags.Get(o.GpuCount) is not null)
            throw CliException.Usage("--gpu-count applies only to GPU pods");

        var spot = flags.Get(o.Spot);
        var bid = flags.Get(o.Bid);
        if (bid is not null && !spot)
            throw CliException.Usage("--bid needs --spot");
        // RunPod refuses a spot pod without a bid; say so before sending anything.
        if (spot && bid is null)
            throw CliException.Usage("--spot needs --bid USD (your spot bid per GPU per hour)");
        if (spot && cpu is not null)
            throw CliException.Usage("--spot applies only to GPU pods");
        // CPU pods are created over REST, which has no placement constraints or CUDA choice:
        // refuse these flags instead of silently dropping them.
        if (cpu is not null)
        {
            (string Flag, bool Given)[] gpuOnly =
            [
                ("--min-vcpu", flags.Get(o.MinVcpu) is not null), ("--min-ram", flags.Get(o.MinRam) is not null),
                ("--min-download", flags.Get(o.MinDownload) is not null), ("--min-upload", flags.Get(o.MinUpload) is not null),
                ("--public-ip", flags.Get(o.PublicIp)), ("--cuda-version", (flags.Get(o.CudaVersion) ?? []).Length > 0),
                ("--min-cuda-version", flags.Get(o.MinCudaVersion) is not null),
            ];
            if (gpuOnly.FirstOrDefault(f => f.Given).Flag is { } refused)
                throw CliException.Usage($"{refused} applies only to GPU pods (with --gpu)");
        }

        var cudaVersions = (flags.Get(o.CudaVersion) ?? [])
            .SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var c in cudaVersions.Where(c => !CudaPattern().IsMatch(c)))
            throw CliException.BadValue("--cuda-version", c, "expected MAJOR.MINOR such as 12.8");
        var minCuda = flags.Get(o.MinCudaVersion);
        if (minCuda is not null && !CudaPattern().IsMatch(minCuda))
            throw CliException.BadValue("--min-cuda-version", minCuda, "expected MAJOR.MINOR such as 12.4");
        if (minCuda is not null && cudaVersions.Count > 0)
            throw CliException.Usage("--cuda-version and --min-cuda-version cannot be used together: give a list or a floor");

        var volumeDisk = flags.Get(o.VolumeDisk);
        var networkVolume = flags.Get(o.NetworkVolume);
        var mountPath = flags.Get(o.VolumeMount);
        if (volumeDisk is not null && networkVolume is not null)
            throw CliException.Usage("--volume-disk and --network-volume cannot be used together: a pod has one kind of volume");
        if (mountPath is not null && volumeDisk is null && networkVolume is null)
            throw CliException.Usage("--volume-mount needs --volume-disk or --network-volume");
        if (mountPath is not null && !mountPath.StartsWith('/'))
            throw CliException.BadValue("--volume-mount", mountPath, "expected an absolute path such as /workspace");
        if (volumeDisk is not null && cpu is not null)
            throw CliException.Usage("--volume-disk is not available on CPU pods; use --network-volume");

        var ports = PortSpecs.Parse(flags.Get(o.Ports) ?? []);
        var regions = (flags.Get(o.Region) ?? [])
            .SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.ToUpperInvariant()).Distinct().ToList();
        foreach (var r in regions.Where(r => !DataCenterPattern().IsMatch(r)))
            throw CliException.BadValue(flags.Origin(o.Region), r, "expected a data center id such as US-TX-3 (see 'rpctl capacity regions')");
        var country = flags.Get(o.Country)?.ToUpperInvariant();
        if (country is not null && !CountryPattern().IsMatch(country))
            throw CliException.BadValue("--country", country, "expected a two-letter country code such as US");

        return new CheckedFlags(image, template, gpuInputs, cpu, vcpu, spot, bid, cudaVersions, minCuda, volumeDisk, networkVolume, mountPath, ports, regions, country);
    }

    private static CreateAttempt Rest(string label, CreatePodRequest request, string cloud)
    {
        var copy = Clone(request);
        copy.Cloud = cloud;
        return new CreateAttempt(label, PodsClient.BuildCreate(copy), null);
    }

    private static CreatePodRequest Clone(CreatePodRequest r) => new()
    {
        Name = r.Name, Image = r.Image, TemplateId = r.TemplateId, Gpu = r.Gpu, Cpu = r.Cpu, Cloud = r.Cloud,
        DataCenterIds = r.DataCenterIds, Disk = r.Disk, Mounts = r.Mounts, Ports = r.Ports, Env = r.Env, Args = r.Args,
        Registry = r.Registry, StartSsh = r.StartSsh, StartJupyter = r.StartJupyter, GlobalNetworking = r.GlobalNetworking,
    };

    /// <summary>
    /// Spot pods and placement constraints (min vCPU/RAM/bandwidth, public IP) exist only in
    /// GraphQL. All user values travel as variables, never inside the query text.
    /// </summary>
    private static CreateAttempt GraphQlAttempt(GpuEntry gpu, int count, string cloud, CreatePodRequest common, PodCreateInput flags,
        PodCreateOptions o, bool spot, double? bid, string? country, string? dataCenterId, int? volumeDisk, string? networkVolume, string? mountPath,
        List<string> cudaVersions)
    {
        if (flags.Get(o.MinCudaVersion) is not null)
            throw CliException.Usage("--min-cuda-version cannot be combined with --spot or placement flags (GraphQL has no CUDA floor); use --cuda-version");
        if (flags.Get(o.GlobalNetworking))
            throw CliException.Usage("--global-networking cannot be combined with --spot or placement flags (GraphQL cannot set it)");

        var input = new JsonObject
        {
            ["name"] = common.Name,
            ["gpuTypeId"] = gpu.Id,
            ["gpuCount"] = count,
            ["cloudType"] = cloud,
            ["startSsh"] = common.StartSsh ?? true,
        };
        if (common.Image is not null) input["imageName"] = common.Image;
        if (common.TemplateId is not null) input["templateId"] = common.TemplateId;
        if (common.Disk is { } disk) input["containerDiskInGb"] = disk;
        if (volumeDisk is { } vd) input["volumeInGb"] = vd;
        if (networkVolume is not null) input["networkVolumeId"] = networkVolume;
        if (mountPath is not null || volumeDisk is not null || networkVolume is not null) input["volumeMountPath"] = mountPath ?? "/workspace";
        if (common.Ports is { } ports) input["ports"] = string.Join(",", ports);
        if (common.Env is { } env) input["env"] = new JsonArray(env.Select(kv => (JsonNode)new JsonObject { ["key"] = kv.Key, ["value"] = kv.Value }).ToArray());
        if (common.Args is not null) input["dockerArgs"] = common.Args;
        if (dataCenterId is not null) input["dataCenterId"] = dataCenterId;
        if (country is not null) input["countryCode"] = country;
        if (cudaVersions.Count > 0) input["allowedCudaVersions"] = new JsonArray(cudaVersions.Select(c => (JsonNode)c).ToArray());
        if (common.StartJupyter == true) input["startJupyter"] = true;
        if (common.Registry is not null) input["containerRegistryAuthId"] = common.Registry;
        if (flags.Get(o.MinVcpu) is { } minVcpu) input["minVcpuCount"] = minVcpu;
        if (flags.Get(o.MinRam) is { } minRam) input["minMemoryInGb"] = minRam;
        if (flags.Get(o.MinDownload) is { } down) input["minDownload"] = down;
        if (flags.Get(o.MinUpload) is { } up) input["minUpload"] = up;
        if (flags.Get(o.PublicIp)) input["supportPublicIp"] = true;

        string query, field;
        if (spot)
        {
            if (bid is { } b) input["bidPerGpu"] = b;
            field = "podRentInterruptable";
            query = "mutation RentInterruptable($input: PodRentInterruptableInput!) { podRentInterruptable(input: $input) { id imageName machineId } }";
        }
        else
        {
            field = "podFindAndDeployOnDemand";
            query = "mutation Deploy($input: PodFindAndDeployOnDemandInput) { podFindAndDeployOnDemand(input: $input) { id imageName machineId } }";
        }

        var request = GraphQlClient.BuildRequest(query, new JsonObject { ["input"] = input }, createsResource: true);
        var where = dataCenterId is null ? "" : $", {dataCenterId}";
        return new CreateAttempt($"{count}x {gpu.Name} ({(spot ? "spot, " : "")}{cloud.ToLowerInvariant()}{where})", request, field);
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex CudaPattern();

    [GeneratedRegex(@"^[A-Z]{2,3}-[A-Z]{2,4}-\d+$")]
    private static partial Regex DataCenterPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
