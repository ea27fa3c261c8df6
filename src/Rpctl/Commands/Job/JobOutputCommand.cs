using System.CommandLine;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Commands.Endpoint;
using Rpctl.Services;

namespace Rpctl.Commands.Job;

internal static class JobOutputCommand
{
    public static Command Create(Invocation inv)
    {
        var endpointId = EndpointArguments.Id();
        var jobId = EndpointArguments.JobId();
        var wait = SharedOptions.Wait("the job ends");
        var timeout = SharedOptions.Timeout("10m");
        return new Command("output", CommandExtensions.Describe("Print a completed job's output (exit 7 with the error if it did not complete)",
                "rpctl job output abc123def456gh 0e1f...-u1", "rpctl job output abc123def456gh 0e1f...-u1 --wait -o json"))
            .With(endpointId, jobId, wait, timeout)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var job = await JobFollower.ReadAsync(client, parse.GetValue(endpointId)!, parse.GetValue(jobId)!, parse.GetValue(wait),
                    parse.GetValue(timeout) ?? TimeSpan.FromMinutes(10), inv.Output.Note, ct);
                if (!JobStatus.IsTerminal(job.Status))
                    throw new CliException(ExitCodes.Failure, $"job {job.Id} is {job.Status} and has no output yet; add --wait to wait for it");
                JobFollower.RequireCompleted(job);
                EndpointRunCommand.PrintOutput(inv, job);
                return ExitCodes.Success;
            });
    }
}
