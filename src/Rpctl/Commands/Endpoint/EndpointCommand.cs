using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Job;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointCommand
{
    public static Command Create(Invocation inv) =>
        new Command("endpoint", CommandExtensions.Describe("Create and manage serverless endpoints, and send them work",
            "rpctl endpoint create --template TEMPLATE_ID --gpu 4090 --workers-min 1 --wait",
            "rpctl endpoint run ENDPOINT_ID --input '{\"prompt\":\"hi\"}' --wait", "rpctl endpoint list")).With(
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
