using RunPod.Api;
using RunPod.Api.Pods;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// What stop, start and delete mean for one pod of a fleet, made safe to repeat: a pod already in
/// the target state counts as done, including when our own earlier attempt succeeded but its answer
/// was lost (the server then says 409 for stop/start, 404 for delete). An id rpctl never saw is
/// "not found", never "already deleted".
/// </summary>
internal sealed record PodBulkAction(
    string Verb, string Action, string Past, string AlreadyDone, string? WaitFor, Func<RunPod.Api.Pods.Pod, bool> IsDone)
{
    public static readonly PodBulkAction Stop = new("stop", "stop", "stopped", "already stopped", PodStatus.Exited,
        p => p.Status == PodStatus.Exited);

    public static readonly PodBulkAction Start = new("start", "start", "started", "already running", PodStatus.Running,
        p => p.Status is PodStatus.Running or PodStatus.Starting or PodStatus.Provisioning);

    public static readonly PodBulkAction Delete = new("delete", "terminate", "deleted", "already deleted", null, _ => false);

    /// <param name="known">The pod was listed by this run or deleted by an earlier attempt: only then does a 404 on delete mean "already deleted".</param>
    public async Task<BulkDone> RunAsync(RunPodClient client, string id, bool known, CancellationToken ct)
    {
        try
        {
            if (this == Delete)
                await client.Pods.DeleteAsync(id, ct);
            else
                await client.Pods.ActionAsync(id, Action, ct);
            return new BulkDone(Past);
        }
        catch (RunPodApiException e) when (e.Status == 404 && this == Delete && known)
        {
            return new BulkDone(AlreadyDone);
        }
        catch (RunPodApiException e) when (e.Status == 409 && this != Delete)
        {
            // The action is not valid in the pod's current state: fine if that state is the target.
            var pod = await client.Pods.GetAsync(id, ct);
            if (IsDone(pod))
                return new BulkDone(AlreadyDone);
            throw;
        }
    }
}
