using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

internal static class PodDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var id = PodArguments.Id();
        var yes = SharedOptions.Yes();
        return new Command("delete", CommandExtensions.Describe("Terminate a pod for good (its container disk and pod volume are destroyed)",
                "rpctl pod delete abc123def456gh", "rpctl pod delete abc123def456gh --yes"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var podId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                // Read first: a wrong id is reported as not found before anyone is asked to confirm.
                var pod = await client.Pods.GetAsync(podId, ct);
                Confirmation.Require(inv, $"Terminate pod {pod.Id} ({pod.Name}, {pod.Status})? This cannot be undone.", parse.GetValue(yes));
                await client.Pods.DeleteAsync(podId, ct);
                inv.Output.WriteResult(new JsonObject { ["id"] = pod.Id, ["name"] = pod.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted pod {pod.Id} ({pod.Name})");
                return ExitCodes.Success;
            });
    }
}
