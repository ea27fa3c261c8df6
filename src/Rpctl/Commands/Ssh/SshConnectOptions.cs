using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Ssh;

/// <summary>
/// The options of <c>ssh connect</c>, declared once and instantiated for both <c>rpctl ssh connect POD</c>
/// and its short form <c>rpctl ssh POD</c>.
/// </summary>
internal sealed class SshConnectOptions(bool podOptional)
{
    public Argument<string?> Pod { get; } = IdArguments.Optional("POD", "Pod id or name", podOptional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne);
    public Argument<string[]> Remote { get; } = new("REMOTE_COMMAND") { Description = "Command to run on the pod instead of a shell (after --)", Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> User { get; } = new("--user", "-u") { Description = "Remote user on the direct endpoint (default: the pod's, usually root)" };
    public Option<string?> Key { get; } = new("--key", "-i") { Description = "Private key file", HelpName = "PATH" };
    public Option<string?> Command { get; } = new("--command", "-c") { Description = "Remote command, as one shell string" };
    public Option<string[]> Local { get; } = new("-L") { Description = "Local port forward, passed to ssh (repeatable), e.g. 8888:localhost:8888", HelpName = "SPEC" };
    public Option<string[]> RemoteForward { get; } = new("-R") { Description = "Remote port forward, passed to ssh (repeatable)", HelpName = "SPEC" };
    public Option<bool> Proxy { get; } = new("--proxy") { Description = "Use RunPod's SSH proxy (ssh.runpod.io) even when a direct endpoint exists" };
    public Option<bool> Direct { get; } = new("--direct") { Description = "Use the pod's public IP and mapped port; fail if it has none" };
    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Do not check the host key at all (off by default: keys are checked with accept-new)" };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the exact ssh command line and do not run it" };
    public Option<bool> Wait { get; } = SharedOptions.Wait("the pod is RUNNING before connecting");
    public Option<TimeSpan?> Timeout { get; } = SharedOptions.Timeout("10m");

    public Symbol[] All => [Pod, Remote, User, Key, Command, Local, RemoteForward, Proxy, Direct, Insecure, DryRun, Wait, Timeout];

    public SshRoute Route(ParseResult parse)
    {
        var (proxy, direct) = (parse.GetValue(Proxy), parse.GetValue(Direct));
        if (proxy && direct)
            throw CliException.Usage("--proxy and --direct cannot be used together");
        return proxy ? SshRoute.Proxy : direct ? SshRoute.Direct : SshRoute.Auto;
    }

    /// <summary>Everything except the endpoint, checked before any request is sent.</summary>
    public SshRequest Request(ParseResult parse, Invocation inv)
    {
        var remoteArgs = parse.GetValue(Remote) ?? [];
        var command = parse.GetValue(Command);
        if (command is not null && remoteArgs.Length > 0)
            throw CliException.Usage("give the remote command either with --command or after --, not both");
        if (command is { } c && c.Trim().Length == 0)
            throw CliException.BadValue("--command", c, "expected a command to run");

        var key = parse.GetValue(Key);
        if (key is not null)
        {
            key = Path.GetFullPath(key.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(inv.Context.HomeDirectory, key[2..]) : key, inv.Context.WorkingDirectory);
            if (!File.Exists(key))
                throw CliException.BadValue("--key", parse.GetValue(Key)!, "no such file");
        }

        var user = parse.GetValue(User);
        if (user is not null && (user.Length == 0 || user.Any(ch => char.IsWhiteSpace(ch) || ch == '@')))
            throw CliException.BadValue("--user", user, "expected a user name without spaces or '@'");

        return new SshRequest(user, key, Forwards(parse, Local, "-L"), Forwards(parse, RemoteForward, "-R"),
            command ?? (remoteArgs.Length > 0 ? SshCommandLine.RemoteCommandFrom(remoteArgs) : null),
            parse.GetValue(Insecure), Path.Combine(inv.Context.ConfigDirectory, "known_hosts"));
    }

    // ssh validates the details; catching an obviously wrong value here gives the usual one-line error.
    private static List<string> Forwards(ParseResult parse, Option<string[]> option, string flag)
    {
        var values = parse.GetValue(option) ?? [];
        foreach (var v in values.Where(v => v.Any(char.IsWhiteSpace) || !(v.Contains(':') || v.Contains('/'))))
            throw CliException.BadValue(flag, v, "expected [bind:]port:host:hostport, e.g. 8888:localhost:8888");
        return [.. values];
    }
}
