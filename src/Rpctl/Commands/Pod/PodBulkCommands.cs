using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Pod;

/// <summary><c>pod stop-all|start-all|delete-all</c>: the fleet form with every pod selected, narrowed by filters.</summary>
internal static class PodBulkCommands
{
    public static Command StopAll(Invocation inv) => Build(inv, PodBulkAction.Stop, "Stop every pod that matches the filters (running ones by default)",
        "rpctl pod stop-all --name 'train-*' --yes", "rpctl pod stop-all --gpu 4090 --older-than 12h --dry-run");

    public static Command StartAll(Invocation inv) => Build(inv, PodBulkAction.Start, "Start every stopped pod that matches the filters",
        "rpctl pod start-all --name 'train-*' --yes", "rpctl pod start-all --status exited --parallel 8 --yes");

    public static Command DeleteAll(Invocation inv) => Build(inv, PodBulkAction.Delete, "Terminate every pod that matches the filters",
        "rpctl pod delete-all --status exited --older-than 7d --dry-run", "rpctl pod delete-all --name 'ci-*' --yes -o json");

    private static Command Build(Invocation inv, PodBulkAction action, string summary, params string[] examples)
    {
        var o = new PodBulkOptions();
        var command = new Command(action.Verb + "-all", CommandExtensions.Describe(summary + "; asks first unless --yes", examples)).With(o.Everything(withAll: false));
        Option<bool>? wait = null;
        Option<TimeSpan?>? timeout = null;
        if (action.WaitFor is not null)
        {
            wait = SharedOptions.Wait(action == PodBulkAction.Start ? "every pod is RUNNING" : "every pod has stopped");
            timeout = SharedOptions.Timeout("10m");
            command.With(wait, timeout);
        }

        return command.Runs(inv, async (parse, ct) =>
        {
            var waitTimeout = wait is not null && parse.GetValue(wait) ? parse.GetValue(timeout!) ?? TimeSpan.FromMinutes(10) : (TimeSpan?)null;
            return await PodBulkOperation.RunAsync(inv, parse, o, action, [], allImplied: true, waitTimeout, ct);
        });
    }
}
