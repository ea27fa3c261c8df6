using System.CommandLine;
using System.Text.Json;
using RunPod.Api;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

/// <summary>
/// <c>endpoint stream</c>: follows a job's <c>/stream</c> until the job has ended and the stream is
/// drained. Each call drains what is new, so every chunk is printed exactly once, in order.
/// </summary>
internal static class EndpointStreamCommand
{
    private static readonly TimeSpan ServerHold = TimeSpan.FromSeconds(10);

    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var jobId = EndpointArguments.JobId();
        var timeout = SharedOptions.Timeout("1h");
        return new Command("stream", CommandExtensions.Describe("Print a job's streamed output as it arrives (one JSON line per chunk with -o json)",
                "rpctl endpoint stream abc123def456gh 0e1f...-u1", "rpctl endpoint stream abc123def456gh 0e1f...-u1 -o json"))
            .With(id, jobId, timeout)
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var job = parse.GetValue(jobId)!;
                var limit = parse.GetValue(timeout) ?? TimeSpan.FromHours(1);
                var deadline = DateTimeOffset.UtcNow + limit;
                var client = await inv.ClientAsync(ct);
                while (true)
                {
                    StreamBatch batch;
                    try
                    {
                        batch = await client.Jobs.StreamAsync(endpointId, job, ServerHold, ct);
                    }
                    catch (RunPodApiException e) when (e.Status >= 500 || e.Status == 429)
                    {
                        // Safe to ask again: a failed call handed out no chunks.
                        inv.Output.Note($"job {job}: could not read the stream ({e.Status}); still following");
                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                        continue;
                    }

                    foreach (var chunk in batch.Chunks)
                        PrintChunk(inv, chunk);
                    inv.Context.Out.Flush();

                    if (JobStatus.IsTerminal(batch.Status) && batch.Chunks.Count == 0)
                    {
                        if (batch.Status != JobStatus.Completed)
                            JobFollower.RequireCompleted(await client.Jobs.StatusAsync(endpointId, job, ct));
                        return ExitCodes.Success;
                    }

                    if (DateTimeOffset.UtcNow > deadline)
                        throw CliException.WaitFailed($"timed out after {Durations.Format(limit)} following job {job} (status {batch.Status})", job);
                }
            });
    }

    private static void PrintChunk(Invocation inv, JsonElement chunk)
    {
        if (!inv.Output.IsTable)
        {
            inv.Context.Out.WriteLine(chunk.GetRawText());
            return;
        }

        var output = chunk.ValueKind == JsonValueKind.Object && chunk.TryGetProperty("output", out var o) ? o : chunk;
        inv.Context.Out.WriteLine(output.ValueKind == JsonValueKind.String ? output.GetString() : output.GetRawText());
    }
}
