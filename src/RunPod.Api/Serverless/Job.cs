using System.Text.Json;

namespace RunPod.Api.Serverless;

/// <summary>A job as the serverless runtime API reports it (<c>/status</c>, <c>/runsync</c>, <c>/run</c>).</summary>
public sealed class Job : ApiObject
{
    public string Id { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Error { get; init; }
    public string? WorkerId { get; init; }
    public long? DelayTime { get; init; }
    public long? ExecutionTime { get; init; }

    /// <summary>The job's output (present once COMPLETED), untouched.</summary>
    public JsonElement? Output => Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty("output", out var o) ? o : null;

    public bool IsTerminal => JobStatus.IsTerminal(Status);
}

/// <summary>Job statuses. RunPod's docs also list RUNNING, which the API never returns.</summary>
public static class JobStatus
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string TimedOut = "TIMED_OUT";

    /// <summary>All four end states are terminal (runpod-python's run_sync forgets CANCELLED; we do not).</summary>
    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled or TimedOut;
}

/// <summary>One <c>/stream</c> answer: the job's status and the chunks yielded since the previous call.</summary>
public sealed class StreamBatch : ApiObject
{
    public string Status { get; init; } = "";

    /// <summary>The chunk objects (<c>{"output": ...}</c>) in order.</summary>
    public IReadOnlyList<JsonElement> Chunks =>
        Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.Array ? [.. s.EnumerateArray()] : [];
}

/// <summary><c>/health</c>: job and worker counters (the key sets are open-ended).</summary>
public sealed class EndpointHealth : ApiObject
{
    public Dictionary<string, long> Jobs { get; init; } = [];
    public Dictionary<string, long> Workers { get; init; } = [];

    public long Worker(string key) => Workers.GetValueOrDefault(key);
}

/// <summary><c>/purge-queue</c>: how many queued jobs were removed.</summary>
public sealed class PurgeResult : ApiObject
{
    public int Removed { get; init; }
    public string Status { get; init; } = "";
}
