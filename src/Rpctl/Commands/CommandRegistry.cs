using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands.Auth;
using Rpctl.Commands.Capacity;
using Rpctl.Commands.Completion;
using Rpctl.Commands.Config;
using Rpctl.Commands.Emulator;
using Rpctl.Commands.Endpoint;
using Rpctl.Commands.Job;
using Rpctl.Commands.Pod;
using Rpctl.Commands.Ssh;
using Rpctl.Commands.Preset;
using Rpctl.Completion;

namespace Rpctl.Commands;

/// <summary>Every command, listed explicitly (AOT-safe and greppable; no assembly scanning).</summary>
internal static class CommandRegistry
{
    /// <param name="completing">
    /// True for a <c>[suggest]</c> run. Only then are the dynamic completions (GPU names, pod and
    /// endpoint ids, which may call the API) attached: help output also asks completion sources
    /// for values, and --help must never touch the network.
    /// </param>
    /// <param name="suggestLine">The command line being completed, as the shell sent it (see <see cref="SuggestAction"/>).</param>
    public static RootCommand BuildRoot(Invocation inv, bool completing = false, string? suggestLine = null)
    {
        var root = new RootCommand("rpctl: the command-line tool for RunPod (pods, serverless, templates, volumes, capacity)");
        foreach (var option in inv.Global.All)
            root.Options.Add(option);

        root.Subcommands.Add(PodCommand.Create(inv));
        root.Subcommands.Add(EndpointCommand.Create(inv));
        root.Subcommands.Add(JobCommand.Create(inv));
        root.Subcommands.Add(Template.TemplateCommand.Create(inv));
        root.Subcommands.Add(Volume.VolumeCommand.Create(inv));
        root.Subcommands.Add(Registry.RegistryCommand.Create(inv));
        root.Subcommands.Add(User.UserCommand.Create(inv));
        root.Subcommands.Add(SshCommand.Create(inv));
        root.Subcommands.Add(CapacityCommand.Create(inv));
        root.Subcommands.Add(EmulatorCommand.Create(inv));
        root.Subcommands.Add(PresetCommand.Create(inv));
        root.Subcommands.Add(ConfigCommand.Create(inv));
        root.Subcommands.Add(AuthCommand.Create(inv));
        root.Subcommands.Add(CompletionCommand.Create(inv));
        root.Subcommands.Add(HelpTopicsCommand.Create(inv));
        if (completing)
            CompletionWiring.Attach(root, inv);
        SuggestAction.Install(root, inv.Context, suggestLine);
        return root;
    }
}
