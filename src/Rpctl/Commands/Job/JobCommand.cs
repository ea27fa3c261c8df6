using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Job;

internal static class JobCommand
{
    public static Command Create(Invocation inv) =>
        new Command("job", CommandExtensions.Describe("Follow, cancel and retry serverless jobs",
            "rpctl job status ENDPOINT_ID JOB_ID --wait", "rpctl job cancel ENDPOINT_ID JOB_ID")).With(
            JobStatusCommand.Create(inv, "status"),
            JobOutputCommand.Create(inv),
            JobCancelCommand.Create(inv, "cancel"),
            JobRetryCommand.Create(inv));
}
