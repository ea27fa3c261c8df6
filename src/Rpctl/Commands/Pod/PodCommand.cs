using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

internal static class PodCommand
{
    public static Command Create(Invocation inv) =>
        new Command("pod", CommandExtensions.Describe("Create and manage GPU and CPU pods",
            "rpctl pod create --gpu 4090 --image runpod/pytorch:2.8.0 --wait", "rpctl pod list", "rpctl pod stop POD_ID")).With(
            PodListCommand.Create(inv),
            PodGetCommand.Create(inv),
            PodCreateCommand.Create(inv),
            PodUpdateCommand.Create(inv),
            PodActionCommands.Start(inv),
            PodActionCommands.Stop(inv),
            PodActionCommands.Restart(inv),
            PodDeleteCommand.Create(inv),
            PodBulkCommands.StopAll(inv),
            PodBulkCommands.StartAll(inv),
            PodBulkCommands.DeleteAll(inv),
            PodWaitCommand.Create(inv));
}
