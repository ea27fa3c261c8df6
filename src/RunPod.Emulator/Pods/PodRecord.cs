namespace RunPod.Emulator.Pods;

/// <summary>
/// A pod as stored. Status is not stored: it is derived from <see cref="DesiredStatus"/>,
/// <see cref="LaunchedAt"/> and the emulator clock (see Simulation/PodLifecycle), so a pod
/// advances correctly even when each CLI call is a new process.
/// </summary>
internal sealed class PodRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Image { get; set; } = "";
    public string Args { get; set; } = "";
    public int Disk { get; set; } = 20;
    public Dictionary<string, string> Env { get; set; } = [];
    public List<string> Ports { get; set; } = [];
    public string? Registry { get; set; }

    public string? GpuId { get; set; }
    public int GpuCount { get; set; }
    public string? CpuId { get; set; }
    /// <summary>vCPUs: the flavor size for CPU pods, a per-GPU share for GPU pods (GraphQL reports it).</summary>
    public int VcpuCount { get; set; }
    public int MemoryGb { get; set; }

    public string Cloud { get; set; } = "SECURE";
    public string DataCenterId { get; set; } = "";
    public string? CudaVersion { get; set; }
    /// <summary>The 8 hex chars after the pod id in the SSH proxy username (RunPod's podHostId).</summary>
    public string HostSuffix { get; set; } = "";
    public string MachineId { get; set; } = "";
    public string PublicIp { get; set; } = "";
    /// <summary>Public port per private tcp port ("22" → 10341), assigned when the port is exposed.</summary>
    public Dictionary<string, int> PublicPorts { get; set; } = [];

    /// <summary>Mounts exactly as the API shows them ({} when none), kept as JSON text.</summary>
    public string MountsJson { get; set; } = "{}";
    public bool Locked { get; set; }
    public bool GlobalNetworking { get; set; }
    public string? GlobalIp { get; set; }
    public string? Template { get; set; }
    /// <summary>
    /// The template the pod was created from. Not shown (the pod's `template` stays null: the
    /// template is a one-time source), but it keeps the template from being deleted while the pod lives.
    /// </summary>
    public string? SourceTemplateId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>RUNNING or EXITED: what the user last asked for.</summary>
    public string DesiredStatus { get; set; } = PodStatuses.Running;
    /// <summary>When the current run was requested (create, start or restart).</summary>
    public DateTimeOffset LaunchedAt { get; set; }
    /// <summary>A fresh create goes through PROVISIONING; start/restart go straight to STARTING.</summary>
    public bool LaunchProvisions { get; set; } = true;
    /// <summary>When the last run reached RUNNING, kept after a stop (startedAt is "null until first start").</summary>
    public DateTimeOffset? LastStartedAt { get; set; }

    /// <summary>GraphQL-only spot pods.</summary>
    public bool Interruptible { get; set; }
    public double? BidPerGpu { get; set; }

    public bool IsGpu => GpuId is not null;
    public string ResourceId => GpuId ?? CpuId ?? "";
    public int Units => IsGpu ? GpuCount : VcpuCount;
}

internal static class PodStatuses
{
    public const string Provisioning = "PROVISIONING";
    public const string Starting = "STARTING";
    public const string Running = "RUNNING";
    public const string Exited = "EXITED";
    public const string Error = "ERROR";
    public const string Terminated = "TERMINATED";
}
