using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Simulation;

/// <summary>The pod's observable state at a moment, derived rather than stored.</summary>
internal sealed record PodState(string Status, DateTimeOffset? StartedAt, DateTimeOffset? RunningSince);

/// <summary>
/// PROVISIONING → STARTING → RUNNING purely from stored timestamps, the emulator clock and the
/// configured delays; nothing ticks in the background, so state is right in any process.
/// </summary>
internal static class PodLifecycle
{
    public static PodState StateAt(PodRecord pod, DateTimeOffset now, EmulatorConfig config)
    {
        if (pod.DesiredStatus == PodStatuses.Exited)
        {
            return new PodState(PodStatuses.Exited, pod.LastStartedAt, null);
        }
        var provisioning = pod.LaunchProvisions ? TimeSpan.FromSeconds(config.ProvisioningDelaySeconds) : TimeSpan.Zero;
        var runningAt = pod.LaunchedAt + provisioning + TimeSpan.FromSeconds(config.StartingDelaySeconds);
        if (now < pod.LaunchedAt + provisioning)
        {
            return new PodState(PodStatuses.Provisioning, pod.LastStartedAt, null);
        }
        if (now < runningAt)
        {
            return new PodState(PodStatuses.Starting, pod.LastStartedAt, null);
        }
        return new PodState(PodStatuses.Running, runningAt, runningAt);
    }

    /// <summary>The actions table of the spec (the createPod example's ["start","terminate"] is a spec bug).</summary>
    public static string[] Actions(string status) => status switch
    {
        PodStatuses.Running => ["stop", "restart", "terminate"],
        PodStatuses.Exited or PodStatuses.Error => ["start", "terminate"],
        PodStatuses.Provisioning or PodStatuses.Starting => ["stop", "terminate"],
        _ => [],
    };
}
