using RunPod.Api;
using RunPod.Api.Serverless;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// Follows a job to a terminal state by polling <c>/status</c> with backoff (250 ms growing by half up to
/// 5 s), never relying on <c>/runsync</c>'s hold. A transient failure to read the status does not
/// end the wait. FAILED, CANCELLED and TIMED_OUT end it with exit 7 and the job's error text.
/// </summary>
internal static class JobFollower
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static async Task<Job> FollowAsync(RunPodClient client, string endpointId, Job job, TimeSpan timeout, Action<string> progress, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var delay = FirstDelay;
        var lastStatus = job.Status;
        progress($"job {job.Id}: {job.Status}");
        while (!job.IsTerminal)
        {
            if (DateTimeOffset.UtcNow + delay > deadline)
                throw CliException.WaitFailed(
                    $"timed out after {Durations.Format(timeout)} waiting for job {job.Id} (last status {lastStatus}); it is still queued or running: " +
                    $"follow it with 'rpctl job status {endpointId} {job.Id} --wait' or stop it with 'rpctl job cancel {endpointId} {job.Id}'", job.Id);
            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 3 / 2));
            try
            {
                job = await client.Jobs.StatusAsync(endpointId, job.Id, ct);
            }
            catch (RunPodApiException e) when (e.Status >= 500 || e.Status == 429)
            {
                progress($"job {job.Id}: could not read status ({e.Status}); still waiting");
                continue;
            }
            catch (RunPodTransportException e)
            {
                progress($"job {job.Id}: {e.Message}; still waiting");
                continue;
            }

            if (job.Status != lastStatus)
            {
                progress($"job {job.Id}: {job.Status}");
                lastStatus = job.Status;
            }
        }

        return job;
    }

    /// <summary>The job's status now, or (with <paramref name="wait"/>) once it has ended.</summary>
    public static async Task<Job> ReadAsync(RunPodClient client, string endpointId, string jobId, bool wait, TimeSpan timeout, Action<string> progress, CancellationToken ct)
    {
        var job = await client.Jobs.StatusAsync(endpointId, jobId, ct);
        return wait ? await FollowAsync(client, endpointId, job, timeout, progress, ct) : job;
    }

    /// <summary>Exit 7 for a job that ended without output, with its error text.</summary>
    public static void RequireCompleted(Job job)
    {
        if (job.Status == JobStatus.Completed)
            return;
        var error = string.IsNullOrWhiteSpace(job.Error) ? "" : $": {job.Error}";
        throw CliException.WaitFailed($"job {job.Id} {job.Status}{error}", job.Id);
    }
}
