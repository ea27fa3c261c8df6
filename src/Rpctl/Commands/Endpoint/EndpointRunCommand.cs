using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

/// <summary><c>endpoint run</c>: submit a job; with <c>--wait</c> or <c>--sync</c>, follow it and print its output.</summary>
internal static class EndpointRunCommand
{
    private static readonly TimeSpan SevenDays = TimeSpan.FromDays(7);

    /// <summary>Below the client's 60 s per-request timeout, so a held /runsync never looks like a dead connection.</summary>
    private static readonly TimeSpan LongestSyncHold = TimeSpan.FromSeconds(30);

    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var input = new Option<string?>("--input", "-i") { Description = "Job input as JSON (default {})", HelpName = "JSON" };
        var inputFile = new Option<string?>("--input-file") { Description = "Read the job input JSON from a file ('-' for stdin)", HelpName = "PATH" };
        var webhook = new Option<string?>("--webhook") { Description = "URL RunPod POSTs the result to when the job ends", HelpName = "URL" };
        var executionTimeout = ValidatedOptions.Duration("--execution-timeout", "Longest the job may run (5s to 7d; default: the endpoint's)", mustBePositive: true);
        var ttl = ValidatedOptions.Duration("--ttl", "Job lifetime from submission, queue included (10s to 7d; default 24h)", mustBePositive: true);
        var lowPriority = new Option<bool>("--low-priority") { Description = "Do not scale up workers for this job" };
        var wait = SharedOptions.Wait("the job ends, then print its output (exit 7 if it FAILED, was CANCELLED or TIMED_OUT)");
        var sync = new Option<bool>("--sync") { Description = "Submit with /runsync (held by the server), then poll if unfinished" };
        var timeout = SharedOptions.Timeout("10m");
        var dryRun = SharedOptions.DryRun();

        return new Command("run", CommandExtensions.Describe("Send a job to an endpoint",
                "rpctl endpoint run abc123def456gh --input '{\"prompt\":\"hi\"}' --wait",
                "JOB=$(rpctl endpoint run abc123def456gh --input-file request.json)",
                "echo '{\"prompt\":\"hi\"}' | rpctl endpoint run abc123def456gh --input-file - --sync -o json"))
            .With(id, input, inputFile, webhook, executionTimeout, ttl, lowPriority, wait, sync, timeout, dryRun)
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var body = new JsonObject { ["input"] = JobInput.Read(parse.GetValue(input), parse.GetValue(inputFile), inv.Context) };
                if (parse.GetValue(webhook) is { } url)
                {
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                        throw CliException.BadValue("--webhook", url, "expected an http(s) URL");
                    body["webhook"] = url;
                }

                var policy = new JsonObject();
                if (parse.GetValue(executionTimeout) is { } exec)
                    policy["executionTimeout"] = Millis("--execution-timeout", exec, TimeSpan.FromSeconds(5));
                if (parse.GetValue(ttl) is { } life)
                    policy["ttl"] = Millis("--ttl", life, TimeSpan.FromSeconds(10));
                if (parse.GetValue(lowPriority))
                    policy["lowPriority"] = true;
                if (policy.Count > 0)
                    body["policy"] = policy;

                var limit = parse.GetValue(timeout) ?? TimeSpan.FromMinutes(10);
                var useSync = parse.GetValue(sync);
                var hold = limit < LongestSyncHold ? limit : LongestSyncHold;
                var request = useSync ? JobsClient.BuildRunSync(endpointId, body, hold < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : hold) : JobsClient.BuildRun(endpointId, body);
                if (parse.GetValue(dryRun))
                {
                    DryRun.Print(inv, [(useSync ? "runsync" : "run", request)]);
                    return ExitCodes.Success;
                }

                var client = await inv.ClientAsync(ct);
                var job = await SubmitOnceAsync(client, endpointId, request, ct);
                if (!useSync && !parse.GetValue(wait))
                {
                    inv.Output.WriteResult(EndpointArguments.Printable(job), job.Id);
                    return ExitCodes.Success;
                }

                job = await JobFollower.FollowAsync(client, endpointId, job, limit, inv.Output.Note, ct);
                JobFollower.RequireCompleted(job);
                PrintOutput(inv, job);
                return ExitCodes.Success;
            });
    }

    /// <summary>
    /// A job cannot be found by its input, so a submission whose outcome is unknown (dropped
    /// connection, timeout, 500/502/504) is never sent again: it may already be queued.
    /// </summary>
    private static async Task<RunPod.Api.Serverless.Job> SubmitOnceAsync(RunPod.Api.RunPodClient client, string endpointId, RunPod.Api.Http.ApiRequest request, CancellationToken ct)
    {
        try
        {
            return await client.Jobs.SubmitAsync(request, ct);
        }
        catch (Exception ex) when (SafeCreate.UnknownOutcome(ex) is { } why)
        {
            throw new CliException(ExitCodes.Failure,
                $"{why}; the job may have been queued on endpoint {endpointId}, so rpctl does not submit it again: " +
                $"check the queue with 'rpctl endpoint health {endpointId}' before running it again");
        }
    }

    /// <summary>Table: the output alone (a string as is); JSON/YAML: the whole job object.</summary>
    public static void PrintOutput(Invocation inv, RunPod.Api.Serverless.Job job)
    {
        var node = EndpointArguments.Printable(job);
        inv.Output.WriteResult(node, JobView.OutputText(node["output"]));
    }

    private static long Millis(string flag, TimeSpan value, TimeSpan min)
    {
        if (value < min || value > SevenDays)
            throw CliException.BadValue(flag, Durations.Format(value), $"expected from {Durations.Format(min)} to 7d");
        return (long)value.TotalMilliseconds;
    }
}
