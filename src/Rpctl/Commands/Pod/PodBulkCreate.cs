using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// <c>pod create --count N</c>: N pods named <c>&lt;name&gt;-1..N</c>, created in parallel from the same
/// plan and reported like any fleet operation. A name that already exists counts as done, so after a
/// partial failure the same command creates only the missing pods.
/// </summary>
internal static class PodBulkCreate
{
    public static async Task<int> RunAsync(Invocation inv, ParseResult parse, PodCreateOptions o, List<CreateAttempt> attempts, int count, CancellationToken ct)
    {
        var baseName = NameIn(attempts[0].Request.Body);
        var names = Enumerable.Range(1, count).Select(i => $"{baseName}-{i}").ToList();
        if (parse.GetValue(o.DryRun))
        {
            inv.Output.Note($"would create {count} {BulkView.Pods(count)}: {names[0]}{(count > 1 ? " .. " + names[^1] : "")}; the first would be:");
            DryRun.Print(inv, [.. Renamed(attempts, names[0]).Select(a => (a.Label, a.Request))]);
            return ExitCodes.Success;
        }

        var client = await inv.ClientAsync(ct);
        var existing = (await client.Pods.ListAsync(ct))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var items = names.Select(n => new BulkItem(existing.GetValueOrDefault(n) ?? "", n)).ToList();
        var waitTimeout = parse.GetValue(o.Wait) ? PodArguments.Duration(parse, o.Timeout, TimeSpan.FromMinutes(10)) : (TimeSpan?)null;

        var results = await BulkRunner.RunAsync(items, "create", parse.GetValue(o.Parallel) ?? BulkRunner.DefaultParallel, async (item, token) =>
        {
            if (item.Id.Length > 0)
                return new BulkDone("already exists");
            var pod = await CreateAsync(inv, attempts, item.Name, token);
            if (waitTimeout is { } limit)
                pod = await PodWaiter.WaitAsync(client, pod.Id, PodStatus.Running, limit, TimeSpan.FromSeconds(1), _ => { }, token);
            return new BulkDone($"created ({pod.Status})", pod.Id);
        }, ct);
        return BulkView.Report(inv, results, "created");
    }

    private static async Task<RunPod.Api.Pods.Pod> CreateAsync(Invocation inv, List<CreateAttempt> attempts, string name, CancellationToken ct)
    {
        try
        {
            return await PodCreateCommand.CreateFirstAvailableAsync(inv, Renamed(attempts, name), ct);
        }
        catch (RunPodTransportException e) when (e.MayHaveReachedServer)
        {
            // Never retried (it could duplicate the pod); a re-run will see it by name if it was made.
            throw new CliException(ExitCodes.Failure, $"{e.Message}; the pod may have been created: check 'rpctl pod list --name {name}'");
        }
    }

    /// <summary>The same attempts, with the pod name set where each API surface carries it.</summary>
    private static List<CreateAttempt> Renamed(List<CreateAttempt> attempts, string name) =>
        [.. attempts.Select(a =>
        {
            var body = a.Request.Body!.DeepClone();
            NameHolder(body)["name"] = name;
            return a with { Request = a.Request with { Body = body } };
        })];

    private static string NameIn(JsonNode? body) => NameHolder(body!)["name"]?.GetValue<string>() ?? "pod";

    // REST v2: {"name": ...}; GraphQL: {"variables": {"input": {"name": ...}}}.
    private static JsonObject NameHolder(JsonNode body) =>
        body["variables"]?["input"] as JsonObject ?? body.AsObject();
}
