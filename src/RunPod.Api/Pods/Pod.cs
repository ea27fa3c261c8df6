using System.Text.Json.Serialization;

namespace RunPod.Api.Pods;

/// <summary>A pod as REST v2 returns it (schema <c>Pod</c>).</summary>
public sealed class Pod : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public List<string> Actions { get; init; } = [];
    public string? Image { get; init; }
    public PodGpu? Gpu { get; init; }
    public PodCpu? Cpu { get; init; }
    public string? Cloud { get; init; }
    public string? DataCenterId { get; init; }
    public double Cost { get; init; }
    public Dictionary<string, string>? Env { get; init; }
    public List<string>? Ports { get; init; }
    public PodSsh? Ssh { get; init; }
    public PodRuntime? Runtime { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public string? Template { get; init; }
}

public sealed record PodGpu(string Id, int Count);

public sealed record PodCpu(string Id, int VcpuCount, double? Memory);

public sealed record PodSsh(PodSshEndpoint? Proxy, PodSshEndpoint? Direct);

public sealed record PodSshEndpoint(string Host, int Port, string Username, string? Command);

public sealed class PodRuntime
{
    public long Uptime { get; init; }
    public List<PodRuntimePort> Ports { get; init; } = [];
}

public sealed record PodRuntimePort(
    [property: JsonPropertyName("private")] int Private,
    [property: JsonPropertyName("public")] int? Public,
    string Type,
    string? Ip);

/// <summary>Pod statuses REST v2 reports.</summary>
public static class PodStatus
{
    public const string Provisioning = "PROVISIONING";
    public const string Starting = "STARTING";
    public const string Running = "RUNNING";
    public const string Exited = "EXITED";
    public const string Error = "ERROR";
    public const string Terminated = "TERMINATED";

    public static readonly IReadOnlyList<string> All = [Provisioning, Starting, Running, Exited, Error, Terminated];
}
