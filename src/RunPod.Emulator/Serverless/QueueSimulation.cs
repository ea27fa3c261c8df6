using RunPod.Emulator.Catalog;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// Runs one endpoint's queue forward on the emulator clock, event by event, from where it last
/// stopped to <c>now</c>: workers start (cold start = the pod provisioning + starting delays),
/// take queued jobs in FIFO order, finish them when the simulated handler says, go idle and scale
/// down after the idle timeout. Scale-up follows the queue (low-priority jobs never trigger it),
/// always between workers.min and workers.max. Everything is derived from timestamps, so any
/// process sharing the state file computes the same result.
/// </summary>
internal sealed class QueueSimulation(EndpointDocument endpoint, EndpointSim sim, List<JobRecord> jobs, TimeSpan coldStart)
{
    /// <summary>Jobs that disappeared (TTL, retention) and must be deleted from the store.</summary>
    public List<string> Removed { get; } = [];

    /// <summary>Jobs that reached a terminal status during this simulation (their webhooks are due).</summary>
    public List<JobRecord> Ended { get; } = [];

    public void AdvanceTo(DateTimeOffset now)
    {
        var t = sim.AdvancedTo > now ? now : sim.AdvancedTo;
        // Bounded: each round moves t strictly forward to the next event.
        for (var round = 0; round < 100_000; round++)
        {
            Step(t);
            var next = NextEvent(t);
            if (next is null || next > now)
            {
                break;
            }
            t = next.Value;
        }
        sim.AdvancedTo = now;
        DropExpiredResults(now);
    }

    /// <summary>Ends a job now (cancel); its worker is free at once.</summary>
    public void Cancel(JobRecord job, DateTimeOffset now)
    {
        FreeWorker(job, now);
        job.Status = JobStatuses.Cancelled;
        job.FinishedAt = now;
        Ended.Add(job);
        Step(now);
    }

    public static DateTimeOffset FinishAt(JobRecord job, HandlerPlan plan) =>
        job.StartedAt!.Value + TimeSpan.FromSeconds(Math.Min(plan.DurationSeconds, job.ExecutionTimeoutMs / 1000.0));

    public static TimeSpan Retention(JobRecord job) => job.Sync ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(30);

    private void Step(DateTimeOffset t)
    {
        ExpireTtl(t);
        FinishJobs(t);
        ScaleDown(t);
        Assign(t);
        ScaleUp(t);
        Assign(t);
    }

    private void ExpireTtl(DateTimeOffset t)
    {
        // TTL is a hard delete: even a running job vanishes (and /status then says 404).
        foreach (var job in jobs.Where(j => j.SubmittedAt + TimeSpan.FromMilliseconds(j.TtlMs) <= t).ToList())
        {
            FreeWorker(job, t);
            jobs.Remove(job);
            Removed.Add(job.Id);
        }
    }

    private void FinishJobs(DateTimeOffset t)
    {
        foreach (var job in jobs.Where(j => j.Status == JobStatuses.InProgress))
        {
            var plan = SimulatedHandler.Plan(job);
            var end = FinishAt(job, plan);
            if (end > t)
            {
                continue;
            }
            FreeWorker(job, end);
            job.FinishedAt = end;
            Ended.Add(job);
            if (plan.DurationSeconds * 1000 > job.ExecutionTimeoutMs)
            {
                job.Status = JobStatuses.TimedOut;
                sim.Failed++;
            }
            else if (plan.Error is not null)
            {
                job.Status = JobStatuses.Failed;
                sim.Failed++;
            }
            else
            {
                job.Status = JobStatuses.Completed;
                sim.Completed++;
            }
        }
    }

    private void ScaleDown(DateTimeOffset t)
    {
        var idleTimeout = TimeSpan.FromSeconds(endpoint.IdleTimeoutSeconds);
        foreach (var worker in sim.Workers.Where(w => IsIdle(w, t)).OrderBy(w => w.IdleSince).ToList())
        {
            var overMax = sim.Workers.Count > endpoint.WorkersMax;
            if (overMax || (sim.Workers.Count > endpoint.WorkersMin && worker.IdleSince + idleTimeout <= t))
            {
                sim.Workers.Remove(worker);
            }
        }
    }

    private void Assign(DateTimeOffset t)
    {
        var queue = Queued(t).ToList();
        foreach (var worker in sim.Workers.Where(w => IsIdle(w, t)).OrderBy(w => w.ReadyAt))
        {
            if (queue.Count == 0)
            {
                return;
            }
            var job = queue[0];
            queue.RemoveAt(0);
            job.Status = JobStatuses.InProgress;
            job.StartedAt = t;
            job.WorkerId = worker.Id;
            worker.JobId = job.Id;
        }
    }

    private void ScaleUp(DateTimeOffset t)
    {
        var running = sim.Workers.Count(w => w.JobId is not null);
        var demand = running + Queued(t).Count(j => !j.LowPriority);
        var target = Math.Clamp(demand, endpoint.WorkersMin, Math.Max(endpoint.WorkersMin, endpoint.WorkersMax));
        while (sim.Workers.Count < target)
        {
            sim.Workers.Add(NewWorker(t));
        }
    }

    private WorkerRecord NewWorker(DateTimeOffset t)
    {
        var ready = t + coldStart;
        var gpu = endpoint.Endpoint["gpu"] is System.Text.Json.Nodes.JsonObject g ? FirstGpuType(g) : null;
        var dataCenters = endpoint.Endpoint["dataCenterIds"]?.AsArray().Select(d => d?.GetValue<string>()).OfType<string>().ToList() ?? [];
        return new WorkerRecord
        {
            Id = IdGenerator.PodId(),
            CreatedAt = t,
            ReadyAt = ready,
            IdleSince = ready,
            Version = endpoint.Version,
            GpuTypeId = gpu,
            DataCenterId = dataCenters.FirstOrDefault() ?? CatalogSeed.DataCenters[0].Id,
        };
    }

    private static string? FirstGpuType(System.Text.Json.Nodes.JsonObject gpu)
    {
        var pools = gpu["pools"]?.AsArray().Select(p => p?.GetValue<string>() ?? "").ToList() ?? [];
        var excluded = gpu["excludedTypes"]?.AsArray().Select(p => p?.GetValue<string>() ?? "").ToHashSet() ?? [];
        return EndpointRules.TypesIn(pools).Select(s => s.Id).FirstOrDefault(id => !excluded.Contains(id));
    }

    private DateTimeOffset? NextEvent(DateTimeOffset t)
    {
        var candidates = new List<DateTimeOffset>();
        foreach (var job in jobs)
        {
            candidates.Add(job.SubmittedAt + TimeSpan.FromMilliseconds(job.TtlMs));
            if (job.Status == JobStatuses.InQueue)
            {
                candidates.Add(job.QueuedAt);
            }
            else if (job.Status == JobStatuses.InProgress)
            {
                candidates.Add(FinishAt(job, SimulatedHandler.Plan(job)));
            }
        }
        foreach (var worker in sim.Workers)
        {
            candidates.Add(worker.ReadyAt);
            if (worker.JobId is null && sim.Workers.Count > endpoint.WorkersMin)
            {
                candidates.Add(worker.IdleSince + TimeSpan.FromSeconds(endpoint.IdleTimeoutSeconds));
            }
        }
        var later = candidates.Where(c => c > t).ToList();
        return later.Count == 0 ? null : later.Min();
    }

    private void DropExpiredResults(DateTimeOffset now)
    {
        foreach (var job in jobs.Where(j => JobStatuses.IsTerminal(j.Status) && j.FinishedAt + Retention(j) <= now).ToList())
        {
            jobs.Remove(job);
            Removed.Add(job.Id);
        }
    }

    private IEnumerable<JobRecord> Queued(DateTimeOffset t) =>
        jobs.Where(j => j.Status == JobStatuses.InQueue && j.QueuedAt <= t).OrderBy(j => j.QueuedAt);

    private static bool IsIdle(WorkerRecord w, DateTimeOffset t) => w.JobId is null && w.ReadyAt <= t;

    private void FreeWorker(JobRecord job, DateTimeOffset at)
    {
        foreach (var worker in sim.Workers.Where(w => w.JobId == job.Id))
        {
            worker.JobId = null;
            worker.IdleSince = at;
        }
    }
}
