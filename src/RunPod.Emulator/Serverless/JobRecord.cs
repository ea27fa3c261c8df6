namespace RunPod.Emulator.Serverless;

/// <summary>Job statuses of the runtime API (`RUNNING` never occurs: the API says IN_PROGRESS).</summary>
internal static class JobStatuses
{
    public const string InQueue = "IN_QUEUE";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Cancelled = "CANCELLED";

    public static bool IsTerminal(string status) => status is Completed or Failed or TimedOut or Cancelled;
}

/// <summary>One job as stored (kind "job"). Its outcome is not stored: it is re-derived from the input by <see cref="SimulatedHandler"/>.</summary>
internal sealed class JobRecord
{
    public string Id { get; set; } = "";
    public string EndpointId { get; set; } = "";
    public string InputJson { get; set; } = "null";
    public string? Webhook { get; set; }

    /// <summary>Submitted with /runsync: kept 1 minute after it ends instead of 30.</summary>
    public bool Sync { get; set; }

    public long ExecutionTimeoutMs { get; set; }
    public long TtlMs { get; set; }
    public bool LowPriority { get; set; }

    /// <summary>When the job was first submitted; the TTL counts from here and covers queue plus run time.</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>When it (re-)entered the queue: FIFO order and delayTime. A retry resets it.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string Status { get; set; } = JobStatuses.InQueue;
    public string? WorkerId { get; set; }

    /// <summary>Stream chunks already handed out by /stream (each call drains).</summary>
    public int StreamDelivered { get; set; }
}

/// <summary>A simulated worker (a pod in RunPod's terms) of one endpoint.</summary>
internal sealed class WorkerRecord
{
    public string Id { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ReadyAt { get; set; }
    public DateTimeOffset IdleSince { get; set; }
    public string? JobId { get; set; }
    public int Version { get; set; }
    public string? GpuTypeId { get; set; }
    public string? DataCenterId { get; set; }
}

/// <summary>Per-endpoint simulation state (kind "endpoint-sim"): workers, counters, and how far the simulation has run.</summary>
internal sealed class EndpointSim
{
    public DateTimeOffset AdvancedTo { get; set; }
    public List<WorkerRecord> Workers { get; set; } = [];
    public long Completed { get; set; }
    public long Failed { get; set; }
    public long Retried { get; set; }
}
