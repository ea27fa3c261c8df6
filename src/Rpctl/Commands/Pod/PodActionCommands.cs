using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.GraphQl;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// <c>pod start|stop|restart</c>: one REST v2 action each, optionally followed by a wait. start and
/// stop also take several ids, or --all with filters, and then work as fleet operations.
/// </summary>
internal static class PodActionCommands
{
    public static Command Start(Invocation inv)
    {
        var gpuCount = ValidatedOptions.Int("--gpu-count", "Resume with this many GPUs (uses GraphQL podResume; v2 cannot change it)", 1, ValidatedOptions.MaxGpuCount);
        return Build(inv, "start", "Start stopped pods", "start", PodStatus.Running, PodBulkAction.Start, extra: gpuCount,
            custom: async (client, id, parse, ct) =>
            {
                if (parse.GetValue(gpuCount) is not { } n)
                    return null;
                // Checked against the pod itself: a CPU pod has no GPUs to resume with.
                var pod = await client.Pods.GetAsync(id, ct);
                if (pod.Gpu is null)
                    throw CliException.Usage($"--gpu-count applies only to GPU pods; pod {id} is a CPU pod");
                var request = GraphQlClient.BuildRequest(
                    "mutation Resume($input: PodResumeInput!) { podResume(input: $input) { id desiredStatus } }",
                    new JsonObject { ["input"] = new JsonObject { ["podId"] = id, ["gpuCount"] = n } });
                await client.GraphQl.ExecuteAsync(request, "podResume", ct);
                return await client.Pods.GetAsync(id, ct);
            });
    }

    public static Command Stop(Invocation inv) =>
        Build(inv, "stop", "Stop pods: compute is released, the disk is kept", "stop", PodStatus.Exited, PodBulkAction.Stop);

    public static Command Restart(Invocation inv) => Build(inv, "restart", "Restart a running pod's container in place", "restart", PodStatus.Running, bulk: null);

    private static Command Build(Invocation inv, string verb, string summary, string action, string waitFor, PodBulkAction? bulk,
        Option<int?>? extra = null, Func<RunPodClient, string, ParseResult, CancellationToken, Task<RunPod.Api.Pods.Pod?>>? custom = null)
    {
        var id = PodArguments.Id();
        var ids = PodArguments.Ids();
        var wait = SharedOptions.Wait(waitFor == PodStatus.Running ? "the pod is RUNNING" : "the pod has stopped");
        var timeout = SharedOptions.Timeout("10m");
        var showSecrets = SharedOptions.ShowSecrets();
        var bulkOptions = new PodBulkOptions();
        string[] examples = bulk is null
            ? [$"rpctl pod {verb} abc123def456gh", $"rpctl pod {verb} abc123def456gh --wait"]
            : [$"rpctl pod {verb} abc123def456gh --wait", $"rpctl pod {verb} abc123def456gh xyz789uvw012ab", $"rpctl pod {verb} --all --name 'train-*' --yes"];
        var command = new Command(verb, CommandExtensions.Describe(summary, examples))
            .With(bulk is null ? id : ids, wait, timeout, showSecrets);
        if (extra is not null)
            command.Options.Add(extra);
        if (bulk is not null)
            command.With(bulkOptions.Everything(withAll: true));

        return command.Runs(inv, async (parse, ct) =>
        {
            string podId;
            if (bulk is null)
            {
                podId = parse.GetValue(id)!;
            }
            else
            {
                var given = parse.GetValue(ids) ?? [];
                if (PodBulkOperation.Applies(parse, bulkOptions, given))
                {
                    if (extra is not null && parse.GetValue(extra) is not null)
                        throw CliException.Usage($"{extra.Name} works on one pod at a time");
                    var waitTimeout = parse.GetValue(wait) ? PodArguments.Duration(parse, timeout, TimeSpan.FromMinutes(10)) : (TimeSpan?)null;
                    return await PodBulkOperation.RunAsync(inv, parse, bulkOptions, bulk, given, allImplied: false, waitTimeout, ct);
                }

                podId = given[0];
            }

            var client = await inv.ClientAsync(ct);
            var pod = (custom is null ? null : await custom(client, podId, parse, ct)) ?? await client.Pods.ActionAsync(podId, action, ct);
            if (parse.GetValue(wait))
            {
                var limit = PodArguments.Duration(parse, timeout, TimeSpan.FromMinutes(10));
                pod = await PodWaiter.WaitAsync(client, podId, waitFor, limit, TimeSpan.FromSeconds(1), inv.Output.Note, ct);
            }

            inv.Output.WriteResult(PodArguments.Printable(pod, parse.GetValue(showSecrets)), $"Pod {pod.Id} ({pod.Name}): {verb} requested, status {pod.Status}");
            return ExitCodes.Success;
        });
    }
}
