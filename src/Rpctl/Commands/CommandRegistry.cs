using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Capacity;
using Rpctl.Commands.Emulator;
using Rpctl.Commands.Endpoint;
using Rpctl.Commands.Job;
using Rpctl.Commands.Pod;

namespace Rpctl.Commands;

/// <summary>Every command, listed explicitly (AOT-safe and greppable; no assembly scanning).</summary>
internal static class CommandRegistry
{
    public static RootCommand BuildRoot(Invocation inv)
    {
        var root = new RootCommand("rpctl: the command-line tool for RunPod (pods, serverless, templates, volumes, capacity)");
        foreach (var option in inv.Global.All)
            root.Options.Add(option);

        root.Subcommands.Add(PodCommand.Create(inv));
        root.Subcommands.Add(EndpointCommand.Create(inv));
        root.Subcommands.Add(JobCommand.Create(inv));
        root.Subcommands.Add(CapacityCommand.Create(inv));
        root.Subcommands.Add(EmulatorCommand.Create(inv));
        root.Subcommands.Add(HelpTopicsCommand.Create(inv));
        return root;
    }
}
