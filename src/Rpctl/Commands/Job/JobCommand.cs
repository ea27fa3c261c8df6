using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Job;

internal static class JobCommand
{
    public static Command Create(Invocation inv) =>
        new Command("job", "Follow, cancel and retry serverless jobs").With(
            JobStatusCommand.Create(inv, "status"),
            JobOutputCommand.Create(inv),
            JobCancelCommand.Create(inv, "cancel"),
            JobRetryCommand.Create(inv));
}
