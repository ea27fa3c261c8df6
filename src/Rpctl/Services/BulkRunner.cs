using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>One resource a bulk operation works on. The id is empty for a pod that is still to be created.</summary>
internal sealed record BulkItem(string Id, string Name);

/// <summary>What a worker reports for an item it finished: a short result, and the id when it only became known (create).</summary>
internal sealed record BulkDone(string Result, string? Id = null);

/// <summary>The outcome for one item, as printed: <c>{id, name, action, ok, error, result}</c>.</summary>
/// <remarks><c>Code</c> is the exit code the failure alone would have had (0 on success); it is not printed.</remarks>
internal sealed record BulkResult(string Id, string Name, string Action, bool Ok, string Result, string? Error, int Code = 0)
{
    public JsonNode ToJson() => new JsonObject
    {
        ["id"] = Id.Length == 0 ? null : Id,
        ["name"] = Name,
        ["action"] = Action,
        ["ok"] = Ok,
        ["error"] = Error,
        ["result"] = Result,
    };
}

/// <summary>
/// Runs one piece of work per item with at most N in flight. A failure is recorded against its item
/// (with the error rpctl would print for it alone) and never stops the others, so the report always
/// accounts for every item. Rate limiting is not done here: all workers share one client, whose
/// <c>RateLimitGate</c> paces them together.
/// </summary>
internal static class BulkRunner
{
    public const int DefaultParallel = 4;
    public const int MaxParallel = 32;

    public static async Task<List<BulkResult>> RunAsync(IReadOnlyList<BulkItem> items, string action, int parallel,
        Func<BulkItem, CancellationToken, Task<BulkDone>> work, CancellationToken ct)
    {
        var results = new BulkResult[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(parallel, 1, MaxParallel), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (i, token) =>
        {
            var item = items[i];
            try
            {
                var done = await work(item, token);
                results[i] = new BulkResult(done.Id ?? item.Id, item.Name, action, true, done.Result, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                var (code, message, _, id) = ErrorReporter.Classify(ex);
                results[i] = new BulkResult(id ?? item.Id, item.Name, action, false, "failed", message, code);
            }
        });
        return [.. results];
    }
}
