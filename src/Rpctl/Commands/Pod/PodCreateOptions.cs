using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

/// <summary>Every option of <c>pod create</c>, declared once.</summary>
internal sealed class PodCreateOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Pod name (default: generated from the GPU type); required with --count" };
    public Option<string?> Image { get; } = new("--image") { Description = "Container image, e.g. runpod/pytorch:2.8.0", HelpName = "IMAGE" };
    public Option<string?> Template { get; } = new("--template") { Description = "Template id; its settings apply and flags override them", HelpName = "TEMPLATE_ID" };
    public Option<string[]> Gpu { get; } = new("--gpu") { Description = "GPU type: id, display name or short form (\"RTX 4090\", 4090, \"h100 sxm\"); repeat to try several in order", HelpName = "TYPE" };
    public Option<int?> GpuCount { get; } = ValidatedOptions.Int("--gpu-count", "GPUs per pod (default 1)", 1, ValidatedOptions.MaxGpuCount);
    public Option<string?> Cpu { get; } = new("--cpu") { Description = "CPU flavor for a CPU-only pod, e.g. cpu3c", HelpName = "FLAVOR" };
    public Option<int?> Vcpu { get; } = ValidatedOptions.Int("--vcpu", "vCPUs for a CPU pod: a power of two, at least 2", 2, 512);
    public Option<string?> CloudType { get; } = ValidatedOptions.Choice("--cloud-type", "Cloud: 'all' tries secure, then community", "secure", "community", "all");
    public Option<int?> ContainerDisk { get; } = ValidatedOptions.Int("--container-disk", "Container disk in GB (wiped on restart)", 1, 10_000, "GB");
    public Option<int?> VolumeDisk { get; } = ValidatedOptions.Int("--volume-disk", "Persistent pod volume in GB (at least 10)", 10, 10_000, "GB");
    public Option<string?> VolumeMount { get; } = new("--volume-mount") { Description = "Mount path of the pod or network volume (default /workspace)", HelpName = "PATH" };
    public Option<string?> NetworkVolume { get; } = new("--network-volume") { Description = "Network volume id to attach; the pod is placed in the volume's data center", HelpName = "VOLUME_ID" };
    public Option<string[]> Ports { get; } = new("--ports") { Description = "Ports to expose, e.g. 8888/http,22/tcp (repeatable)", HelpName = "PORTS" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "Environment variable KEY=VALUE (repeatable; the value may contain = and ,)", HelpName = "KEY=VALUE" };
    public Option<string?> EnvFile { get; } = new("--env-file") { Description = "Read KEY=VALUE lines from a file (flags win)", HelpName = "PATH" };
    public Option<string[]> Region { get; } = new("--region") { Description = "Preferred data center id, e.g. US-TX-3 (repeatable or comma-separated)", HelpName = "DC" };
    public Option<string?> Country { get; } = new("--country") { Description = "Only data centers in this country (ISO code, e.g. US)", HelpName = "CC" };
    public Option<string[]> CudaVersion { get; } = new("--cuda-version") { Description = "Allowed host CUDA version, e.g. 12.8 (repeatable)", HelpName = "V" };
    public Option<string?> MinCudaVersion { get; } = new("--min-cuda-version") { Description = "Lowest acceptable host CUDA version, e.g. 12.4", HelpName = "V" };
    public Option<string?> DockerStartCmd { get; } = new("--docker-start-cmd") { Description = "Arguments passed to the image's entrypoint (v2 'args')", HelpName = "CMD" };
    public Option<string?> Entrypoint { get; } = new("--entrypoint") { Description = "Not supported by RunPod's API: use --docker-start-cmd or an image ENTRYPOINT", HelpName = "CMD" };
    public Option<string?> Registry { get; } = new("--registry-auth") { Description = "Registry credential id for a private image", HelpName = "ID" };
    public Option<bool> NoSsh { get; } = new("--no-ssh") { Description = "Do not start SSH (on by default)" };
    public Option<bool> Jupyter { get; } = new("--jupyter") { Description = "Start Jupyter" };
    public Option<bool> GlobalNetworking { get; } = new("--global-networking") { Description = "Give the pod a private cross-data-center IP" };
    public Option<bool> Spot { get; } = new("--spot") { Description = "Interruptible (spot) pod; uses RunPod's GraphQL API" };
    public Option<double?> Bid { get; } = ValidatedOptions.Decimal("--bid", "Spot bid per GPU in USD/hour (with --spot)", 0.0001, 1000, "USD");
    public Option<int?> MinVcpu { get; } = ValidatedOptions.Int("--min-vcpu", "Minimum vCPUs per GPU (GraphQL placement)", 1, 1024);
    public Option<int?> MinRam { get; } = ValidatedOptions.Int("--min-ram", "Minimum RAM per GPU in GB (GraphQL placement)", 1, 4096, "GB");
    public Option<int?> MinDownload { get; } = ValidatedOptions.Int("--min-download", "Minimum download bandwidth in Mbps (GraphQL placement)", 1, 100_000, "MBPS");
    public Option<int?> MinUpload { get; } = ValidatedOptions.Int("--min-upload", "Minimum upload bandwidth in Mbps (GraphQL placement)", 1, 100_000, "MBPS");
    public Option<bool> PublicIp { get; } = new("--public-ip") { Description = "Require a public IP (GraphQL placement)" };
    public Option<int?> Count { get; } = ValidatedOptions.Int("--count", "Create N pods named NAME-1..N (needs --name); names that already exist are skipped, so a re-run finishes a partial batch", 1, 1000);
    public Option<int?> Parallel { get; } = PodBulkOptions.ParallelOption();
    public Option<bool> DryRun { get; } = SharedOptions.DryRun();
    public Option<bool> Wait { get; } = SharedOptions.Wait("the pod is RUNNING");
    public Option<TimeSpan?> Timeout { get; } = SharedOptions.Timeout("10m");
    public Option<bool> ShowSecrets { get; } = SharedOptions.ShowSecrets();
    public Option<string?> Preset { get; } = new("--preset") { Description = "Start from a saved preset; flags override it, --env merges per key (see 'rpctl preset list')", HelpName = "NAME" };
    public Option<string?> SavePreset { get; } = new("--save-preset") { Description = "After a successful create (or with --dry-run), save these settings as a preset", HelpName = "NAME" };
    public Option<bool> OverwritePreset { get; } = new("--overwrite-preset") { Description = "Let --save-preset replace an existing preset of that name" };

    /// <summary>What a preset can hold: everything that shapes the pod, not its name or how this run behaves.</summary>
    public Option[] Storable =>
    [
        Image, Template, Gpu, GpuCount, Cpu, Vcpu, CloudType, ContainerDisk, VolumeDisk, VolumeMount, NetworkVolume, Ports, Env,
        Region, Country, CudaVersion, MinCudaVersion, DockerStartCmd, Registry, NoSsh, Jupyter, GlobalNetworking, Spot, Bid,
        MinVcpu, MinRam, MinDownload, MinUpload, PublicIp,
    ];

    public Symbol[] All =>
    [
        Name, Image, Template, Gpu, GpuCount, Cpu, Vcpu, CloudType, ContainerDisk, VolumeDisk, VolumeMount, NetworkVolume,
        Ports, Env, EnvFile, Region, Country, CudaVersion, MinCudaVersion, DockerStartCmd, Entrypoint, Registry, NoSsh, Jupyter,
        GlobalNetworking, Spot, Bid, MinVcpu, MinRam, MinDownload, MinUpload, PublicIp, Count, Parallel, DryRun, Wait, Timeout, ShowSecrets, Preset, SavePreset,
        OverwritePreset,
    ];
}
