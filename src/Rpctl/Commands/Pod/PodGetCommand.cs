using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

internal static class PodGetCommand
{
    public static Command Create(Invocation inv)
    {
        var id = PodArguments.Id();
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("get", CommandExtensions.Describe("Show one pod, with its SSH command and HTTP proxy URLs",
                "rpctl pod get abc123def456gh", "rpctl pod get abc123def456gh -o json"))
            .With(id, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var pod = await client.Pods.GetAsync(parse.GetValue(id)!, ct);
                PodArguments.PrintPod(inv, pod, parse.GetValue(showSecrets));
                return ExitCodes.Success;
            });
    }
}
