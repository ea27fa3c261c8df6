namespace RunPod.Api.Pods;

/// <summary>Body of <c>POST /v2/pods</c> (schema <c>CreatePodRequest</c>). Null members are not sent.</summary>
public sealed class CreatePodRequest
{
    public string Name { get; set; } = "";
    public string? Image { get; set; }
    public string? TemplateId { get; set; }
    public CreateGpuConfig? Gpu { get; set; }
    public CreateCpuConfig? Cpu { get; set; }
    public string? Cloud { get; set; }
    public List<string>? DataCenterIds { get; set; }
    public int? Disk { get; set; }
    public Mounts? Mounts { get; set; }
    public List<string>? Ports { get; set; }
    public Dictionary<string, string>? Env { get; set; }
    public string? Args { get; set; }
    public string? Registry { get; set; }
    public bool? StartSsh { get; set; }
    public bool? StartJupyter { get; set; }
    public bool? GlobalNetworking { get; set; }
}

public sealed class CreateGpuConfig
{
    public string Id { get; set; } = "";

    /// <summary>Always sent: RunPod answered every create without it with a misleading "no instances" 400.</summary>
    public int Count { get; set; } = 1;

    public List<string>? AllowedCudaVersions { get; set; }
    public string? MinCudaVersion { get; set; }
}

public sealed class CreateCpuConfig
{
    public string Id { get; set; } = "";
    public int VcpuCount { get; set; }
}

public sealed class Mounts
{
    public PersistentMount? Persistent { get; set; }
    public List<NetworkMount>? Network { get; set; }
}

public sealed record PersistentMount(int Size, string Path);

public sealed record NetworkMount(string VolumeId, string Path);
