using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Endpoint;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Job;

internal static class JobStatusCommand
{
    /// <param name="name">"status" under <c>job</c>; "job-status" under <c>endpoint</c> (the original tool's spelling).</param>
    public static Command Create(Invocation inv, string name)
    {
        var endpointId = EndpointArguments.Id();
        var jobId = EndpointArguments.JobId();
        var wait = SharedOptions.Wait("the job ends (exit 7 if it FAILED, was CANCELLED or TIMED_OUT)");
        var timeout = SharedOptions.Timeout("10m");
        return new Command(name, CommandExtensions.Describe("Show a job's status, timings, output or error",
                $"rpctl {(name == "status" ? "job status" : "endpoint job-status")} abc123def456gh 0e1f...-u1",
                "rpctl job status abc123def456gh 0e1f...-u1 --wait -o json"))
            .With(endpointId, jobId, wait, timeout)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var job = await JobFollower.ReadAsync(client, parse.GetValue(endpointId)!, parse.GetValue(jobId)!, parse.GetValue(wait),
                    parse.GetValue(timeout) ?? TimeSpan.FromMinutes(10), inv.Output.Note, ct);
                inv.Output.WriteItem(EndpointArguments.Printable(job), JobView.Spec());
                // Followed to the end, a job that did not complete is a failed wait (exit 7); a plain look is not.
                if (parse.GetValue(wait))
                    JobFollower.RequireCompleted(job);
                return ExitCodes.Success;
            });
    }
}
