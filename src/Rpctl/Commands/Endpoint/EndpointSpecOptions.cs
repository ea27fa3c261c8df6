using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Endpoint;

/// <summary>The endpoint settings of <c>endpoint create</c> and <c>endpoint update</c>, declared once.</summary>
internal sealed class EndpointSpecOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Endpoint name (create default: generated from the GPU pool)" };
    public Option<string?> Template { get; } = new("--template") { Description = "Serverless template id; its container settings apply and flags override them", HelpName = "TEMPLATE_ID" };
    public Option<string?> Image { get; } = new("--image") { Description = "Container image of the worker, e.g. myorg/worker:1.0", HelpName = "IMAGE" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "Environment variable KEY=VALUE (repeatable; update merges into the current env)", HelpName = "KEY=VALUE" };
    public Option<int?> ContainerDisk { get; } = ValidatedOptions.Int("--container-disk", "Container disk in GB", 1, 10_000, "GB");
    public Option<string[]> Gpu { get; } = new("--gpu") { Description = "GPU pool id (ADA_24) or GPU type name (\"RTX 4090\", 4090) translated to its pool; repeatable (create default AMPERE_24)", HelpName = "POOL|TYPE" };
    public Option<string[]> ExcludeGpu { get; } = new("--exclude-gpu") { Description = "GPU type to leave out of the selected pools (repeatable)", HelpName = "TYPE" };
    public Option<int?> GpuCount { get; } = ValidatedOptions.Int("--gpu-count", "GPUs per worker (default 1)", 1, ValidatedOptions.MaxGpuCount);
    public Option<string[]> Cpu { get; } = new("--cpu") { Description = "CPU worker instead of GPU: FLAVOR:VCPUS, e.g. cpu3c:4 (repeatable)", HelpName = "FLAVOR:VCPUS" };
    public Option<int?> WorkersMin { get; } = ValidatedOptions.Int("--workers-min", "Workers kept running even when idle (default 0)", 0, 1000);
    public Option<int?> WorkersMax { get; } = ValidatedOptions.Int("--workers-max", "Most workers at once (default 3)", 0, 1000);
    public Option<int?> IdleTimeout { get; } = ValidatedOptions.Int("--idle-timeout", "Seconds an idle worker lives before scaling down (default 10)", 1, 3600, "SECONDS");
    public Option<string?> ScalerType { get; } = ValidatedOptions.Choice("--scaler-type", "Autoscaling signal (default queue-delay)", "queue-delay", "request-count");
    public Option<string?> ScalerValue { get; } = new("--scaler-value") { Description = "Queue delay in seconds (at least 0.5) or requests per worker (at least 1); default 4 / 1", HelpName = "N" };
    public Option<string[]> NetworkVolume { get; } = new("--network-volume") { Description = "Network volume id to attach (repeatable)", HelpName = "VOLUME_ID" };
    public Option<string[]> Region { get; } = new("--region") { Description = "Allowed data center id, e.g. US-TX-3 (repeatable or comma-separated)", HelpName = "DC" };
    public Option<string[]> CudaVersion { get; } = new("--cuda-version") { Description = "Allowed CUDA version, e.g. 12.8 (repeatable)", HelpName = "V" };
    public Option<string?> MinCudaVersion { get; } = new("--min-cuda-version") { Description = "Lowest acceptable CUDA version, e.g. 12.4", HelpName = "V" };
    public Option<string?> Flashboot { get; } = ValidatedOptions.Choice("--flashboot", "FlashBoot cold-start acceleration (default off)", "on", "off", "priority");
    public Option<TimeSpan?> ExecutionTimeout { get; } = ValidatedOptions.Duration("--execution-timeout", "Longest a job may run, e.g. 10m (default 5m)", mustBePositive: true);
    public Option<string?> Type { get; } = ValidatedOptions.Choice("--type", "Endpoint type (default queue; fixed at create)", "queue", "load-balancer");
    public Option<bool> DryRun { get; } = SharedOptions.DryRun();
    public Option<bool> Wait { get; } = SharedOptions.Wait("a worker is ready (idle or running)");
    public Option<TimeSpan?> Timeout { get; } = SharedOptions.Timeout("10m");
    public Option<bool> ShowSecrets { get; } = SharedOptions.ShowSecrets();
    public Option<string?> Preset { get; } = new("--preset") { Description = "Start from a saved endpoint preset; flags override it, --env merges per key (see 'rpctl preset list')", HelpName = "NAME" };
    public Option<string?> SavePreset { get; } = new("--save-preset") { Description = "After a successful create (or with --dry-run), save these settings as a preset", HelpName = "NAME" };
    public Option<bool> OverwritePreset { get; } = new("--overwrite-preset") { Description = "Let --save-preset replace an existing preset of that name" };

    /// <summary>What an endpoint preset may hold: every setting of the endpoint but its name.</summary>
    public Option[] Storable =>
    [
        Template, Image, Env, ContainerDisk, Gpu, ExcludeGpu, GpuCount, Cpu, WorkersMin, WorkersMax, IdleTimeout, ScalerType,
        ScalerValue, NetworkVolume, Region, CudaVersion, MinCudaVersion, Flashboot, ExecutionTimeout, Type,
    ];

    /// <summary>The options of one create run, without the preset options (they choose what is parsed, not what is sent).</summary>
    public Option[] ForCreateRun => [Name, .. Storable, DryRun, Wait, Timeout, ShowSecrets];

    public Symbol[] ForCreate => [.. ForCreateRun, Preset, SavePreset, OverwritePreset];

    /// <summary>Everything but --type (RunPod rejects changing it) and --wait.</summary>
    public Symbol[] ForUpdate =>
    [
        Name, Template, Image, Env, ContainerDisk, Gpu, ExcludeGpu, GpuCount, Cpu, WorkersMin, WorkersMax, IdleTimeout, ScalerType,
        ScalerValue, NetworkVolume, Region, CudaVersion, MinCudaVersion, Flashboot, ExecutionTimeout, DryRun, ShowSecrets,
    ];

    /// <summary>FlashBoot as RunPod names it: on = FLASHBOOT, priority = PRIORITY_FLASHBOOT.</summary>
    public static string? FlashbootMode(string? choice) => choice switch
    {
        "on" => "FLASHBOOT",
        "off" => "OFF",
        "priority" => "PRIORITY_FLASHBOOT",
        _ => null,
    };
}
