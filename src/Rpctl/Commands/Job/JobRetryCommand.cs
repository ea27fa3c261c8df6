using System.CommandLine;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Commands.Endpoint;

namespace Rpctl.Commands.Job;

internal static class JobRetryCommand
{
    public static Command Create(Invocation inv)
    {
        var endpointId = EndpointArguments.Id();
        var jobId = EndpointArguments.JobId();
        return new Command("retry", CommandExtensions.Describe("Queue a FAILED or TIMED_OUT job again (same id and input)",
                "rpctl job retry abc123def456gh 0e1f...-u1"))
            .With(endpointId, jobId)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var ep = parse.GetValue(endpointId)!;
                var id = parse.GetValue(jobId)!;
                // RunPod only retries failed jobs; say so plainly instead of relaying its 400.
                var current = await client.Jobs.StatusAsync(ep, id, ct);
                if (current.Status is not (JobStatus.Failed or JobStatus.TimedOut))
                    throw CliException.Conflict($"job {id} is {current.Status}; only FAILED or TIMED_OUT jobs can be retried");
                var job = await client.Jobs.RetryAsync(ep, id, ct);
                inv.Output.WriteResult(EndpointArguments.Printable(job), $"Job {job.Id} is {job.Status} again");
                return ExitCodes.Success;
            });
    }
}
