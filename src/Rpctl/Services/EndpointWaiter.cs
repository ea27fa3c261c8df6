using RunPod.Api;
using RunPod.Api.Serverless;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// Polls an endpoint's <c>/health</c> until a worker is ready (idle or running). A transient error
/// (5xx, 429, no answer after the first) does not end the wait; a 401/404 does, since waiting cannot fix it.
/// </summary>
internal static class EndpointWaiter
{
    public static async Task<EndpointHealth> WaitReadyAsync(RunPodClient client, string endpointId, TimeSpan timeout, TimeSpan interval, Action<string> progress, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        string? last = null;
        var reachedOnce = false;
        while (true)
        {
            try
            {
                var health = await client.Jobs.HealthAsync(endpointId, ct);
                reachedOnce = true;
                if (health.Worker("idle") + health.Worker("running") > 0)
                    return health;
                var summary = $"endpoint {endpointId}: {health.Worker("initializing")} worker(s) initializing, none ready";
                if (summary != last)
                    progress(summary);
                last = summary;
            }
            catch (RunPodApiException e) when (e.Status >= 500 || e.Status == 429)
            {
                progress($"endpoint {endpointId}: could not read health ({e.Status}); still waiting");
            }
            catch (RunPodTransportException e) when (reachedOnce)
            {
                // Unreachable from the start is a setup problem, reported at once; later it is a blip.
                progress($"endpoint {endpointId}: {e.Message}; still waiting");
            }

            if (DateTimeOffset.UtcNow + interval > deadline)
                throw CliException.WaitFailed(
                    $"timed out after {Durations.Format(timeout)} waiting for a ready worker on endpoint {endpointId}; " +
                    "with workers.min 0 a worker starts only when a job arrives (see 'rpctl endpoint workers')", endpointId);
            await Task.Delay(interval, ct);
        }
    }
}
