using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Ssh;

/// <summary>
/// <c>rpctl ssh</c>: a group (connect, config, info) that is also directly usable as
/// <c>rpctl ssh POD</c>. System.CommandLine matches a subcommand name first, so any other first
/// token is the POD argument of the group's own action, which is <c>connect</c>'s.
/// </summary>
internal static class SshCommand
{
    public static Command Create(Invocation inv)
    {
        var o = new SshConnectOptions(podOptional: true);
        return new Command("ssh", CommandExtensions.Describe("SSH into pods: 'rpctl ssh POD' is short for 'rpctl ssh connect POD'",
                SshConnectCommand.Examples))
            .With(SshConnectCommand.Create(inv), SshConfigCommand.Create(inv), SshInfoCommand.Create(inv))
            .With(o.All)
            .Runs(inv, (parse, ct) => SshConnectCommand.RunAsync(inv, parse, o, ct));
    }
}
