using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>
/// The report of a bulk operation: one line per item (id, name, result), a summary on table output,
/// and exit 1 naming every failed item so the same command can be re-run to finish the job.
/// </summary>
internal static class BulkView
{
    private static readonly TableSpec Spec = new(
        [
            new Column("ID", r => JsonPath.Text(r, "id")),
            new Column("NAME", r => JsonPath.Text(r, "name")),
            new Column("RESULT", r => JsonPath.Text(r, "ok") == "true" ? JsonPath.Text(r, "result") : "failed: " + JsonPath.Text(r, "error")),
        ],
        []);

    public static int Report(Invocation inv, IReadOnlyList<BulkResult> results, string pastTense)
    {
        inv.Output.WriteList([.. results.Select(r => r.ToJson())], Spec);
        var failed = results.Where(r => !r.Ok).ToList();
        if (inv.Output.IsTable)
            inv.Context.Out.WriteLine($"{results.Count - failed.Count} of {results.Count} {Pods(results.Count)} {pastTense}, {failed.Count} failed");
        if (failed.Count == 0)
            return ExitCodes.Success;

        var names = failed.Select(r => r.Id.Length > 0 ? r.Id : r.Name);
        // Re-running cannot fix an id that does not exist, so the hint is only given when it can help.
        var hint = failed.All(r => r.Code == ExitCodes.NotFound) ? "" : "; re-run the same command to finish the job";
        throw new CliException(ExitCodes.Failure,
            $"{failed.Count} of {results.Count} {Pods(results.Count)} failed: {string.Join(", ", names)}{hint}");
    }

    public static string Pods(int n) => n == 1 ? "pod" : "pods";
}
