using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Job;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointCommand
{
    public static Command Create(Invocation inv) =>
        new Command("endpoint", "Create and manage serverless endpoints, and send them work").With(
            EndpointListCommand.Create(inv),
            EndpointGetCommand.Create(inv),
            EndpointCreateCommand.Create(inv),
            EndpointUpdateCommand.Create(inv),
            EndpointDeleteCommand.Create(inv),
            EndpointHealthCommand.Create(inv),
            EndpointWaitCommand.Create(inv),
            EndpointRunCommand.Create(inv),
            EndpointStreamCommand.Create(inv),
            EndpointPurgeQueueCommand.Create(inv),
            EndpointWorkersCommand.Create(inv),
            // The original tool's spellings, kept as aliases of 'job status' and 'job cancel'.
            JobStatusCommand.Create(inv, "job-status"),
            JobCancelCommand.Create(inv, "job-cancel"));
}
