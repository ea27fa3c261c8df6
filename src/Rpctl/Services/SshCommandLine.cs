namespace Rpctl.Services;

/// <summary>What the user asked of an ssh connection, besides where to go.</summary>
internal sealed record SshRequest(
    string? User, string? KeyPath, IReadOnlyList<string> LocalForwards, IReadOnlyList<string> RemoteForwards,
    string? RemoteCommand, bool Insecure, string KnownHostsFile);

/// <summary>
/// Builds the argv of the system <c>ssh</c>. Host keys are checked against rpctl's own known_hosts
/// (<c>accept-new</c>: first contact is trusted, a changed key is refused); a direct endpoint's key is
/// filed under the pod id (HostKeyAlias), because RunPod reuses IPs and ports for new pods.
/// </summary>
internal static class SshCommandLine
{
    public static List<string> Build(SshTarget target, SshRequest request)
    {
        var argv = new List<string> { "ssh" };
        if (request.Insecure)
            argv.AddRange(["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"]);
        else
        {
            argv.AddRange(["-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + request.KnownHostsFile]);
            if (target.IsDirect)
                argv.AddRange(["-o", "HostKeyAlias=" + HostKeyAlias(target.PodId)]);
        }

        if (request.KeyPath is not null)
            argv.AddRange(["-i", request.KeyPath]);
        if (target.Port != 22)
            argv.AddRange(["-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        foreach (var forward in request.LocalForwards)
            argv.AddRange(["-L", forward]);
        foreach (var forward in request.RemoteForwards)
            argv.AddRange(["-R", forward]);
        argv.Add($"{request.User ?? target.User}@{target.Host}");
        if (request.RemoteCommand is not null)
            argv.Add(request.RemoteCommand);
        return argv;
    }

    public static string HostKeyAlias(string podId) => "rpctl-pod-" + podId;

    /// <summary>
    /// ssh joins its trailing arguments with spaces for the remote shell; quoting each one first
    /// means <c>-- ls "my dir"</c> runs <c>ls</c> on one argument, as typed.
    /// </summary>
    public static string RemoteCommandFrom(IReadOnlyList<string> args) => ShellQuote.Join(args);
}
