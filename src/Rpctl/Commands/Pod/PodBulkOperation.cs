using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// stop/start/delete on many pods: select (ids or --all plus filters), show what will be affected
/// and ask, then run in parallel and report every pod. Pods already in the target state need no
/// request, so the same command can be re-run after a partial failure to finish the job.
/// </summary>
internal static class PodBulkOperation
{
    /// <summary>Whether a single-pod command was asked to work on a fleet (several ids, --all, a filter, or a dry run).</summary>
    public static bool Applies(ParseResult parse, PodBulkOptions o, string[] ids) =>
        ids.Length != 1 || parse.GetValue(o.All) || o.AnyFilter(parse) || parse.GetValue(o.DryRun);

    public static async Task<int> RunAsync(Invocation inv, ParseResult parse, PodBulkOptions o, PodBulkAction action,
        string[] ids, bool allImplied, TimeSpan? waitTimeout, CancellationToken ct)
    {
        var all = allImplied || parse.GetValue(o.All);
        if (ids.Length > 0 && all)
            throw CliException.Usage("--all cannot be combined with pod ids: give ids, or --all with filters");
        if (ids.Length == 0 && !all && !o.AnyFilter(parse))
            throw CliException.Usage($"pod {action.Verb} needs a pod id, several ids, or --all (optionally with --name, --status, --older-than, --gpu)");

        var filter = await o.FilterAsync(inv, parse, ct);
        var client = await inv.ClientAsync(ct);
        var pods = await client.Pods.ListAsync(ct);
        var deletedBefore = new DeletedPodsRecord(inv.Context);
        var (todo, done) = ids.Length > 0 ? ByIds(pods, ids, filter, action, deletedBefore) : BySelection(pods, filter, action);
        var known = pods.Select(p => p.Id).Concat(done.Select(d => d.Id)).ToHashSet(StringComparer.Ordinal);

        if (ids.Length == 0 && done.Count > 0)
            inv.Output.Note($"{done.Count} matching {BulkView.Pods(done.Count)} {action.AlreadyDone}; nothing to do for them");
        if (todo.Count == 0 && done.Count == 0)
            inv.Output.Note("no pods match");

        if (parse.GetValue(o.DryRun))
            return PrintPlan(inv, action, todo);

        if (todo.Count > 0)
            Confirm(inv, action, todo, parse.GetValue(o.Yes));

        if (action == PodBulkAction.Delete)
            deletedBefore.Add(todo.Select(p => p.Item.Id).Where(known.Contains));
        var doneIds = done.Select(d => d.Id).ToHashSet();
        var items = ids.Length > 0 ? todo.Select(p => p.Item).Concat(done).ToList() : todo.Select(p => p.Item).ToList();
        var results = await BulkRunner.RunAsync(items, action.Verb, o.ParallelValue(parse), async (item, token) =>
        {
            if (doneIds.Contains(item.Id))
                return new BulkDone(action.AlreadyDone);
            var result = await action.RunAsync(client, item.Id, known.Contains(item.Id), token);
            if (waitTimeout is { } limit && action.WaitFor is { } target)
            {
                var pod = await PodWaiter.WaitAsync(client, item.Id, target, limit, TimeSpan.FromSeconds(1), _ => { }, token);
                return result with { Result = $"{result.Result} ({pod.Status})" };
            }

            return result;
        }, ct);
        return BulkView.Report(inv, results, action.Past);
    }

    private sealed record Planned(BulkItem Item, string Status);

    private static (List<Planned> Todo, List<BulkItem> Done) BySelection(List<RunPod.Api.Pods.Pod> pods, Func<RunPod.Api.Pods.Pod, bool> filter, PodBulkAction action)
    {
        // A pod whose state does not offer the action (e.g. stop on ERROR) is left out rather than
        // reported as failed on every run: --all means "every pod this can apply to".
        var matching = pods.Where(filter).Where(p => action.IsDone(p) || p.Actions.Count == 0 || p.Actions.Contains(action.Action)).ToList();
        return ([.. matching.Where(p => !action.IsDone(p)).Select(p => new Planned(new BulkItem(p.Id, p.Name), p.Status))],
            [.. matching.Where(action.IsDone).Select(p => new BulkItem(p.Id, p.Name))]);
    }

    /// <summary>
    /// Named pods keep the order given; an id RunPod does not list is still tried, so its 404 is reported
    /// against it, unless an earlier delete by rpctl already took it (then it is already deleted).
    /// </summary>
    private static (List<Planned> Todo, List<BulkItem> Done) ByIds(List<RunPod.Api.Pods.Pod> pods, string[] ids, Func<RunPod.Api.Pods.Pod, bool> filter,
        PodBulkAction action, DeletedPodsRecord deletedBefore)
    {
        var byId = pods.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var todo = new List<Planned>();
        var done = new List<BulkItem>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(id, out var pod) && action == PodBulkAction.Delete && deletedBefore.Contains(id))
                done.Add(new BulkItem(id, ""));
            else if (pod is null)
                todo.Add(new Planned(new BulkItem(id, ""), "not found"));
            else if (!filter(pod))
                continue;
            else if (action.IsDone(pod))
                done.Add(new BulkItem(pod.Id, pod.Name));
            else
                todo.Add(new Planned(new BulkItem(pod.Id, pod.Name), pod.Status));
        }

        return (todo, done);
    }

    private static void Confirm(Invocation inv, PodBulkAction action, List<Planned> todo, bool yes)
    {
        if (!yes && inv.Context.StdinIsTerminal)
        {
            inv.Output.Note($"These {todo.Count} {BulkView.Pods(todo.Count)} will be {action.Past}:");
            foreach (var p in todo)
                inv.Output.Note($"  {p.Item.Id}  {p.Item.Name}  {p.Status}");
        }

        var warning = action == PodBulkAction.Delete ? " This cannot be undone." : "";
        Confirmation.Require(inv, $"{Capitalized(action.Verb)} {todo.Count} {BulkView.Pods(todo.Count)}?{warning}", yes);
    }

    private static int PrintPlan(Invocation inv, PodBulkAction action, List<Planned> todo)
    {
        var target = inv.DescribeTarget();
        var plan = todo.Select(p =>
        {
            var request = action == PodBulkAction.Delete ? PodsClient.BuildDelete(p.Item.Id) : PodsClient.BuildAction(p.Item.Id, action.Action);
            return (JsonNode)new JsonObject
            {
                ["id"] = p.Item.Id,
                ["name"] = p.Item.Name,
                ["status"] = p.Status,
                ["action"] = action.Verb,
                ["method"] = request.Method.Method,
                ["url"] = new Uri(target.RestOrigin, request.Path).ToString(),
            };
        }).ToList();
        inv.Output.WriteList(plan, PlanSpec);
        if (inv.Output.IsTable)
            inv.Context.Out.WriteLine($"would {action.Verb} {todo.Count} {BulkView.Pods(todo.Count)}; nothing was changed");
        return ExitCodes.Success;
    }

    private static readonly TableSpec PlanSpec = new(
        [
            new Column("ID", p => JsonPath.Text(p, "id")),
            new Column("NAME", p => JsonPath.Text(p, "name")),
            new Column("STATUS", p => JsonPath.Text(p, "status")),
            new Column("WOULD", p => JsonPath.Text(p, "action")),
        ],
        []);

    private static string Capitalized(string verb) => char.ToUpperInvariant(verb[0]) + verb[1..];
}
