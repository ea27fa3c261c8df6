using RunPod.Api;
using RunPod.Api.Pods;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// Polls a pod's real status (not the desired one) until it reaches the target. ERROR ends the
/// wait at once; so does EXITED when waiting for RUNNING. A transient failure to read the pod
/// does not end the wait. Failures name the pod, which may still be billing. Callers that have not
/// read the pod themselves pass <c>knownToExist: false</c>.
/// </summary>
internal static class PodWaiter
{
    public static async Task<Pod> WaitAsync(RunPodClient client, string id, string target, TimeSpan timeout, TimeSpan interval,
        Action<string> progress, CancellationToken ct, bool knownToExist = true)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        string? lastStatus = null;
        while (true)
        {
            Pod? pod = null;
            try
            {
                pod = await client.Pods.GetAsync(id, ct);
            }
            // A 404 means "terminated" only for a pod known to have existed (seen earlier in this
            // wait, or by the caller that just deleted it); otherwise it is a typo: not found.
            catch (RunPodApiException e) when (e.Status == 404 && target == PodStatus.Terminated && (knownToExist || lastStatus is not null))
            {
                return new Pod { Id = id, Status = PodStatus.Terminated };
            }
            // Blips are tolerated once the pod has been seen; a server never reached is an error, not a wait.
            catch (RunPodApiException e) when (e.Status >= 500 && lastStatus is not null)
            {
                progress($"pod {id}: could not read status ({e.Status}); still waiting");
            }
            catch (RunPodTransportException e) when (lastStatus is not null)
            {
                progress($"pod {id}: {e.Message}; still waiting");
            }

            if (pod is not null)
            {
                if (pod.Status != lastStatus)
                {
                    progress($"pod {id}: {pod.Status}");
                    lastStatus = pod.Status;
                }

                if (Reached(pod, target))
                    return pod;
                if (pod.Status == PodStatus.Error)
                    throw CliException.WaitFailed($"pod {id} went to ERROR while waiting for {target}; see 'rpctl pod get {id}'", id);
                if (target == PodStatus.Running && pod.Status is PodStatus.Exited or PodStatus.Terminated)
                    throw CliException.WaitFailed($"pod {id} is {pod.Status} and will not become RUNNING; start it with 'rpctl pod start {id}'", id);
            }

            if (DateTimeOffset.UtcNow + interval > deadline)
                throw CliException.WaitFailed(
                    $"timed out after {Durations.Format(timeout)} waiting for pod {id} to be {target} (last status {lastStatus ?? "unknown"}); it still exists and may be billing", id);
            await Task.Delay(interval, ct);
        }
    }

    private static bool Reached(Pod pod, string target) =>
        target == PodStatus.Running ? pod.Status == PodStatus.Running && pod.Runtime is not null : pod.Status == target;
}
