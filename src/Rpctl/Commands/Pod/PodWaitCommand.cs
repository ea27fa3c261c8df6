using System.CommandLine;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

internal static class PodWaitCommand
{
    public static Command Create(Invocation inv)
    {
        var id = PodArguments.Id();
        var target = ValidatedOptions.Choice("--for", "Status to wait for (default running)", "running", "exited", "terminated");
        var timeout = SharedOptions.Timeout("10m");
        var interval = SharedOptions.Interval("2s");
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("wait", CommandExtensions.Describe("Wait until a pod reaches a status; fails fast on ERROR (exit 7)",
                "rpctl pod wait abc123def456gh", "rpctl pod wait abc123def456gh --for exited --timeout 5m"))
            .With(id, target, timeout, interval, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var status = (parse.GetValue(target) ?? "running").ToUpperInvariant();
                var limit = PodArguments.Duration(parse, timeout, TimeSpan.FromMinutes(10));
                var every = PodArguments.Duration(parse, interval, TimeSpan.FromSeconds(2));
                var client = await inv.ClientAsync(ct);
                var pod = await PodWaiter.WaitAsync(client, parse.GetValue(id)!, status, limit, every, inv.Output.Note, ct, knownToExist: false);
                if (status == PodStatus.Terminated)
                    inv.Output.WriteResult(new System.Text.Json.Nodes.JsonObject { ["id"] = pod.Id, ["status"] = PodStatus.Terminated }, $"Pod {pod.Id} is TERMINATED");
                else
                    inv.Output.WriteResult(PodArguments.Printable(pod, parse.GetValue(showSecrets)), $"Pod {pod.Id} is {pod.Status}");
                return ExitCodes.Success;
            });
    }
}
