namespace RunPod.Emulator.Pods;

/// <summary>
/// A normalised "create this pod" request. REST v2 and GraphQL (podFindAndDeployOnDemand,
/// podRentInterruptable) both translate into it, so a pod is the same whichever API made it.
/// </summary>
internal sealed record PodSpec
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public string? Args { get; init; }
    public int? Disk { get; init; }
    public Dictionary<string, string>? Env { get; init; }
    public List<string>? Ports { get; init; }
    public string? Registry { get; init; }

    public string? GpuId { get; init; }
    public int GpuCount { get; init; } = 1;
    public List<string>? AllowedCudaVersions { get; init; }
    public string? MinCudaVersion { get; init; }
    public string? CpuId { get; init; }
    public int VcpuCount { get; init; }

    /// <summary>SECURE or COMMUNITY; GraphQL's ALL means either (SECURE tried first).</summary>
    public string Cloud { get; init; } = "SECURE";
    public List<string> DataCenterIds { get; init; } = [];
    public string? CountryCode { get; init; }
    /// <summary>Mounts JSON ({} when none); validated before it gets here.</summary>
    public string MountsJson { get; init; } = "{}";
    public bool GlobalNetworking { get; init; }
    public bool StartSsh { get; init; }
    public bool StartJupyter { get; init; }
    public string? TemplateId { get; init; }

    public bool Interruptible { get; init; }
    public double? BidPerGpu { get; init; }
    /// <summary>GraphQL placement floors (per GPU for vCPU/RAM); REST v2 has none of these.</summary>
    public int MinVcpuCount { get; init; }
    public int MinMemoryInGb { get; init; }
}
