using System.Text.Json;

namespace RunPod.Api.Serverless;

/// <summary>A serverless endpoint as REST v2 returns it (schema <c>Endpoint</c>).</summary>
public sealed class Endpoint : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Type { get; init; }
    public string? Image { get; init; }
    public EndpointWorkerLimits? Workers { get; init; }
    public EndpointScaling? Scaling { get; init; }
    public EndpointGpu? Gpu { get; init; }
    public long Timeout { get; init; }
    public string? Flashboot { get; init; }
}

public sealed record EndpointWorkerLimits(int Min, int Max, int? IdleTimeout);

public sealed record EndpointScaling(string Type, double? QueueDelay, int? RequestCount);

public sealed record EndpointGpu(List<string> Pools, List<string>? ExcludedTypes, int Count);

/// <summary><c>GET /v2/serverless/{id}/workers</c>: the workers (raw objects in <see cref="ApiObject.Raw"/>) and their summary.</summary>
public sealed class EndpointWorkers : ApiObject
{
    public WorkerSummary Summary { get; init; } = new(0, 0, 0, 0, 0, 0);
    public int? EndpointVersion { get; init; }

    public IReadOnlyList<JsonElement> Items =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty("workers", out var w) && w.ValueKind == JsonValueKind.Array ? [.. w.EnumerateArray()] : [];
}

public sealed record WorkerSummary(int Running, int Idle, int Initializing, int Throttled, int Unhealthy, int Total);
