using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

internal static class PodCommand
{
    public static Command Create(Invocation inv) =>
        new Command("pod", "Create and manage GPU and CPU pods").With(
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
