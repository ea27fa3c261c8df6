using RunPod.Api.Pods;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>Which of a pod's SSH endpoints to use.</summary>
internal enum SshRoute { Auto, Direct, Proxy }

/// <summary>The endpoint chosen for a pod: RunPod's direct one (public IP, port mapped to 22) or its proxy.</summary>
internal sealed record SshTarget(string PodId, string Kind, string Host, int Port, string User)
{
    public bool IsDirect => Kind == "direct";

    /// <summary>
    /// Direct when the pod has it (full SSH: commands, forwards, scp), else the proxy
    /// (<c>&lt;podHostId&gt;@ssh.runpod.io</c>); a forced route that the pod lacks is a conflict.
    /// </summary>
    public static SshTarget Choose(RunPod.Api.Pods.Pod pod, SshRoute route)
    {
        var direct = pod.Ssh?.Direct;
        var proxy = pod.Ssh?.Proxy;
        var endpoint = route switch
        {
            SshRoute.Direct => direct ?? throw CliException.Conflict(
                $"pod {pod.Id} has no direct SSH endpoint (it needs to be RUNNING with 22/tcp exposed); " +
                $"expose it with 'rpctl pod update {pod.Id} --ports 22/tcp' or use --proxy", pod.Id),
            SshRoute.Proxy => proxy ?? throw CliException.Conflict($"pod {pod.Id} has no SSH proxy endpoint", pod.Id),
            _ => direct ?? proxy ?? throw CliException.Conflict($"pod {pod.Id} has no SSH endpoint", pod.Id),
        };
        return new SshTarget(pod.Id, endpoint == direct ? "direct" : "proxy", endpoint.Host, endpoint.Port, endpoint.Username);
    }

    /// <summary>Connecting needs a running pod; anything else is exit 5 with what to do about it.</summary>
    public static void RequireRunning(RunPod.Api.Pods.Pod pod)
    {
        if (pod.Status == PodStatus.Running)
            return;
        var hint = pod.Status switch
        {
            PodStatus.Exited => $"start it with 'rpctl pod start {pod.Id}', or connect with --wait after starting it",
            PodStatus.Provisioning or PodStatus.Starting => "pass --wait to connect as soon as it is RUNNING",
            _ => $"see 'rpctl pod get {pod.Id}'",
        };
        throw CliException.Conflict($"pod {pod.Id} ({pod.Name}) is {pod.Status}, not RUNNING; {hint}", pod.Id);
    }
}
