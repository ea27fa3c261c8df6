using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunPod.Emulator.Serverless;

/// <summary>One streamed chunk and when (seconds after the job starts) the handler yields it.</summary>
internal sealed record StreamChunk(double At, JsonNode? Output);

/// <summary>What the simulated handler does with one input.</summary>
internal sealed record HandlerPlan(double DurationSeconds, IReadOnlyList<StreamChunk> Chunks, string? Error, JsonNode? Output, bool Streams);

/// <summary>
/// The emulator's deterministic worker handler (documented in docs/serverless.md). By default the
/// output echoes the input; these input keys choose the behaviour instead:
/// `sleep` (seconds of simulated work), `fail` (the job ends FAILED with this message),
/// `stream` (chunks yielded in order, one per second unless `sleep` spreads them), `output` (the value returned).
/// A malformed key fails the job, as a real handler raising on bad input would.
/// </summary>
internal static class SimulatedHandler
{
    public static HandlerPlan Plan(JsonNode? input)
    {
        if (input is not JsonObject obj)
        {
            return new HandlerPlan(0, [], null, input?.DeepClone(), false);
        }

        double? sleep = null;
        if (obj.ContainsKey("sleep"))
        {
            if (obj["sleep"] is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || v.GetValue<double>() < 0)
            {
                return Failure("handler error: input 'sleep' must be a non-negative number of seconds");
            }
            sleep = v.GetValue<double>();
        }

        var chunks = new List<StreamChunk>();
        var streams = obj.ContainsKey("stream");
        if (streams)
        {
            if (obj["stream"] is not JsonArray items)
            {
                return Failure("handler error: input 'stream' must be an array of chunks");
            }
            for (var i = 0; i < items.Count; i++)
            {
                var at = sleep is { } s ? s * (i + 1) / items.Count : i + 1;
                chunks.Add(new StreamChunk(at, items[i]?.DeepClone()));
            }
        }

        var duration = sleep ?? chunks.Count;
        if (obj.ContainsKey("fail"))
        {
            var error = obj["fail"] is JsonValue f && f.GetValueKind() == JsonValueKind.String ? f.GetValue<string>() : obj["fail"]?.ToJsonString() ?? "null";
            return new HandlerPlan(duration, chunks, error, null, streams);
        }

        var output = obj.ContainsKey("output") ? obj["output"]?.DeepClone()
            : streams ? new JsonArray([.. chunks.Select(c => c.Output?.DeepClone())])
            : obj.DeepClone();
        return new HandlerPlan(duration, chunks, null, output, streams);
    }

    public static HandlerPlan Plan(JobRecord job) => Plan(JsonNode.Parse(job.InputJson));

    private static HandlerPlan Failure(string error) => new(0, [], error, null, false);
}
