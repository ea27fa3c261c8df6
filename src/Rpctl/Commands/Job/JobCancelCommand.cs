using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Endpoint;

namespace Rpctl.Commands.Job;

internal static class JobCancelCommand
{
    /// <param name="name">"cancel" under <c>job</c>; "job-cancel" under <c>endpoint</c> (the original tool's spelling).</param>
    public static Command Create(Invocation inv, string name)
    {
        var endpointId = EndpointArguments.Id();
        var jobId = EndpointArguments.JobId();
        return new Command(name, CommandExtensions.Describe("Cancel a queued or running job",
                $"rpctl {(name == "cancel" ? "job cancel" : "endpoint job-cancel")} abc123def456gh 0e1f...-u1"))
            .With(endpointId, jobId)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var job = await client.Jobs.CancelAsync(parse.GetValue(endpointId)!, parse.GetValue(jobId)!, ct);
                inv.Output.WriteResult(EndpointArguments.Printable(job), $"Job {job.Id} is {job.Status}");
                return ExitCodes.Success;
            });
    }
}
