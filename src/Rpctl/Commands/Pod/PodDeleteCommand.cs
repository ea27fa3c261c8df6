using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

internal static class PodDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var ids = PodArguments.Ids();
        var o = new PodBulkOptions();
        return new Command("delete", CommandExtensions.Describe("Terminate pods for good (their container disk and pod volume are destroyed)",
                "rpctl pod delete abc123def456gh", "rpctl pod delete abc123def456gh xyz789uvw012ab --yes", "rpctl pod delete --all --status exited --older-than 7d --dry-run"))
            .With(ids)
            .With(o.Everything(withAll: true))
            .Runs(inv, async (parse, ct) =>
            {
                var given = parse.GetValue(ids) ?? [];
                if (PodBulkOperation.Applies(parse, o, given))
                    return await PodBulkOperation.RunAsync(inv, parse, o, PodBulkAction.Delete, given, allImplied: false, waitTimeout: null, ct);

                var podId = given[0];
                var client = await inv.ClientAsync(ct);
                // Read first: a wrong id is reported as not found before anyone is asked to confirm.
                var deletedBefore = new DeletedPodsRecord(inv.Context);
                RunPod.Api.Pods.Pod pod;
                try
                {
                    pod = await client.Pods.GetAsync(podId, ct);
                }
                catch (RunPodApiException e) when (e.Status == 404 && deletedBefore.Contains(podId))
                {
                    // An earlier rpctl delete took it (perhaps with a lost answer): the job is done.
                    inv.Output.WriteResult(new JsonObject { ["id"] = podId, ["name"] = "", ["action"] = "delete", ["ok"] = true, ["result"] = "already deleted" },
                        $"Pod {podId} already deleted");
                    return ExitCodes.Success;
                }

                Confirmation.Require(inv, $"Terminate pod {pod.Id} ({pod.Name}, {pod.Status})? This cannot be undone.", parse.GetValue(o.Yes));
                deletedBefore.Add([podId]);
                await client.Pods.DeleteAsync(podId, ct);
                inv.Output.WriteResult(new JsonObject { ["id"] = pod.Id, ["name"] = pod.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted pod {pod.Id} ({pod.Name})");
                return ExitCodes.Success;
            });
    }
}
