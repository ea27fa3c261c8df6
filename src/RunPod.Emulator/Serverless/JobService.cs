using System.Text.Json.Nodes;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>The serverless runtime API's operations on one endpoint's queue (shapes of runpod-api.md §2.2).</summary>
internal sealed class JobService(StateStore store, ServerlessContext context)
{
    private const long DefaultExecutionTimeoutMs = 600_000;
    private const long DefaultTtlMs = 86_400_000;
    private const long SevenDaysMs = 7L * 86_400_000;

    public T Use<T>(string account, string endpointId, Func<ServerlessWorld, T> work) => store.Write(tx =>
    {
        var world = ServerlessWorld.Load(tx, account, context, endpointId);
        if (world.Endpoint.Type == "LOAD_BALANCER")
        {
            throw new ApiException(400, $"endpoint {endpointId} is a load-balancing endpoint; send requests to https://{endpointId}.api.runpod.ai");
        }
        var result = work(world);
        world.Save();
        return result;
    });

    /// <summary>Queues a job; returns its id. Policy values are validated first (400).</summary>
    public string Submit(string account, string endpointId, JsonObject body, bool sync)
    {
        if (!body.ContainsKey("input"))
        {
            throw new ApiException(400, "request body must contain 'input'");
        }
        var policy = body["policy"] as JsonObject;
        if (body.ContainsKey("policy") && policy is null)
        {
            throw new ApiException(400, "'policy' must be an object");
        }
        var executionTimeout = PolicyMs(policy, "executionTimeout", 5_000, SevenDaysMs);
        var ttl = PolicyMs(policy, "ttl", 10_000, SevenDaysMs) ?? DefaultTtlMs;
        var webhook = body["webhook"] is JsonValue w && w.TryGetValue<string>(out var url) ? url : null;
        if (body.ContainsKey("webhook") && (webhook is null || !Uri.TryCreate(webhook, UriKind.Absolute, out _)))
        {
            throw new ApiException(400, "'webhook' must be an absolute URL");
        }

        return Use(account, endpointId, world =>
        {
            var id = (sync ? "sync-" : "") + Guid.NewGuid().ToString("D") + "-u1";
            world.Jobs.Add(new JobRecord
            {
                Id = id,
                EndpointId = endpointId,
                InputJson = body["input"]?.ToJsonString() ?? "null",
                Webhook = webhook,
                Sync = sync,
                // A per-request policy overrides the endpoint's timeout.
                ExecutionTimeoutMs = executionTimeout ?? (world.Endpoint.TimeoutMs > 0 ? world.Endpoint.TimeoutMs : DefaultExecutionTimeoutMs),
                TtlMs = ttl,
                LowPriority = policy?.Bool("lowPriority") ?? false,
                SubmittedAt = world.Now,
                QueuedAt = world.Now,
            });
            world.Simulation.AdvanceTo(world.Now);
            return id;
        });
    }

    public JsonObject Status(string account, string endpointId, string jobId) =>
        Use(account, endpointId, world => Render(world.Job(jobId), world.Now));

    /// <summary>Drains the chunks yielded since the last call. A job without `stream` yields its whole output as one chunk when it completes.</summary>
    public (JsonObject Body, bool HasNews) Stream(string account, string endpointId, string jobId) => Use(account, endpointId, world =>
    {
        var job = world.Job(jobId);
        var available = AvailableChunks(job, world.Now);
        var fresh = available.Skip(job.StreamDelivered).ToList();
        job.StreamDelivered = available.Count;
        var body = new JsonObject
        {
            ["status"] = job.Status,
            ["stream"] = new JsonArray([.. fresh.Select(c => (JsonNode)new JsonObject { ["output"] = c?.DeepClone() })]),
        };
        return (body, fresh.Count > 0 || JobStatuses.IsTerminal(job.Status));
    });

    public JsonObject Cancel(string account, string endpointId, string jobId) => Use(account, endpointId, world =>
    {
        var job = world.Job(jobId);
        if (!JobStatuses.IsTerminal(job.Status))
        {
            world.Simulation.Cancel(job, world.Now);
        }
        return new JsonObject { ["id"] = job.Id, ["status"] = job.Status };
    });

    public JsonObject Retry(string account, string endpointId, string jobId) => Use(account, endpointId, world =>
    {
        var job = world.Job(jobId);
        if (job.Status is not (JobStatuses.Failed or JobStatuses.TimedOut))
        {
            throw new ApiException(400, $"job {jobId} is {job.Status}; only FAILED or TIMED_OUT jobs can be retried");
        }
        job.Status = JobStatuses.InQueue;
        job.QueuedAt = world.Now;
        job.StartedAt = null;
        job.FinishedAt = null;
        job.WorkerId = null;
        job.StreamDelivered = 0;
        world.Sim.Retried++;
        // Answered as queued (RunPod's shape) even when an idle worker takes it at once.
        world.Simulation.AdvanceTo(world.Now);
        return new JsonObject { ["id"] = job.Id, ["status"] = JobStatuses.InQueue };
    });

    /// <summary>Removes queued jobs only; running ones carry on.</summary>
    public JsonObject PurgeQueue(string account, string endpointId) => Use(account, endpointId, world =>
    {
        var queued = world.Jobs.Where(j => j.Status == JobStatuses.InQueue).ToList();
        foreach (var job in queued)
        {
            world.Jobs.Remove(job);
            world.Simulation.Removed.Add(job.Id);
        }
        world.Simulation.AdvanceTo(world.Now);
        return new JsonObject { ["removed"] = queued.Count, ["status"] = "completed" };
    });

    public JsonObject Health(string account, string endpointId) => Use(account, endpointId, world =>
    {
        var now = world.Now;
        var initializing = world.Sim.Workers.Count(w => w.ReadyAt > now);
        var running = world.Sim.Workers.Count(w => w.ReadyAt <= now && w.JobId is not null);
        var idle = world.Sim.Workers.Count(w => w.ReadyAt <= now && w.JobId is null);
        return new JsonObject
        {
            ["jobs"] = new JsonObject
            {
                ["completed"] = world.Sim.Completed,
                ["failed"] = world.Sim.Failed,
                ["inProgress"] = world.Jobs.Count(j => j.Status == JobStatuses.InProgress),
                ["inQueue"] = world.Jobs.Count(j => j.Status == JobStatuses.InQueue),
                ["retried"] = world.Sim.Retried,
            },
            ["workers"] = new JsonObject
            {
                ["idle"] = idle,
                ["initializing"] = initializing,
                ["ready"] = idle + running,
                ["running"] = running,
                ["throttled"] = 0,
                ["unhealthy"] = 0,
            },
        };
    });

    /// <summary>The job object: fields appear as the job gets further (delayTime once started, output/error once ended).</summary>
    public static JsonObject Render(JobRecord job, DateTimeOffset now)
    {
        var body = new JsonObject();
        if (job.StartedAt is { } started)
        {
            body["delayTime"] = (long)(started - job.QueuedAt).TotalMilliseconds;
            body["executionTime"] = (long)((job.FinishedAt ?? now) - started).TotalMilliseconds;
        }
        body["id"] = job.Id;
        var plan = SimulatedHandler.Plan(job);
        if (job.Status == JobStatuses.Completed)
        {
            body["output"] = plan.Output?.DeepClone();
        }
        body["status"] = job.Status;
        if (job.Status == JobStatuses.Failed)
        {
            body["error"] = plan.Error;
        }
        if (job.Status == JobStatuses.TimedOut)
        {
            body["error"] = $"job exceeded its execution timeout of {job.ExecutionTimeoutMs / 1000.0:0.###} s";
        }
        if (job.WorkerId is not null)
        {
            body["workerId"] = job.WorkerId;
        }
        return body;
    }

    private static List<JsonNode?> AvailableChunks(JobRecord job, DateTimeOffset now)
    {
        if (job.StartedAt is not { } started)
        {
            return [];
        }
        var plan = SimulatedHandler.Plan(job);
        if (!plan.Streams)
        {
            return job.Status == JobStatuses.Completed ? [plan.Output] : [];
        }
        var elapsed = ((job.FinishedAt ?? now) - started).TotalSeconds;
        return [.. plan.Chunks.Where(c => c.At <= elapsed + 1e-9).Select(c => c.Output)];
    }

    private static long? PolicyMs(JsonObject? policy, string name, long min, long max)
    {
        if (policy is null || !policy.ContainsKey(name))
        {
            return null;
        }
        var value = policy.Double(name);
        if (value is null || value < min || value > max)
        {
            throw new ApiException(400, $"policy.{name} must be between {min} and {max} milliseconds");
        }
        return (long)value;
    }
}
