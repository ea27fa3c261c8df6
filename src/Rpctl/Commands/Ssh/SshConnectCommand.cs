using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Ssh;

/// <summary><c>ssh connect POD [-- COMMAND...]</c>: runs the system ssh against the pod's endpoint and returns its exit code.</summary>
internal static class SshConnectCommand
{
    public const string Summary = "Open a shell on a pod (or run a command) with the system ssh";

    public static readonly string[] Examples =
    [
        "rpctl ssh connect abc123def456gh",
        "rpctl ssh abc123def456gh -- nvidia-smi",
        "rpctl ssh connect trainer -i ~/.ssh/id_ed25519 -L 8888:localhost:8888",
        "rpctl ssh connect abc123def456gh --wait --dry-run",
    ];

    public static Command Create(Invocation inv)
    {
        var o = new SshConnectOptions(podOptional: false);
        return new Command("connect", CommandExtensions.Describe(Summary, Examples)).With(o.All).Runs(inv, (parse, ct) => RunAsync(inv, parse, o, ct));
    }

    public static async Task<int> RunAsync(Invocation inv, ParseResult parse, SshConnectOptions o, CancellationToken ct)
    {
        var podArg = parse.GetValue(o.Pod) ?? throw CliException.Usage("give a pod id or name, e.g. 'rpctl ssh POD', or a subcommand (connect, config, info)");
        var route = o.Route(parse);
        var request = o.Request(parse, inv);

        var client = await inv.ClientAsync(ct);
        var pod = await SshPods.ResolveAsync(client, podArg, ct);
        if (parse.GetValue(o.Wait) && pod.Status != PodStatus.Running)
        {
            var timeout = parse.GetValue(o.Timeout) ?? TimeSpan.FromMinutes(10);
            pod = await PodWaiter.WaitAsync(client, pod.Id, PodStatus.Running, timeout, TimeSpan.FromSeconds(1), inv.Output.Note, ct);
        }

        SshTarget.RequireRunning(pod);
        var target = SshTarget.Choose(pod, route);
        if (!target.IsDirect && request.User is not null)
            throw CliException.Usage("--user applies to the direct endpoint; through the proxy the user is the pod's host id");
        if (!target.IsDirect && (request.RemoteCommand is not null || request.LocalForwards.Count > 0 || request.RemoteForwards.Count > 0))
            inv.Output.Warn("RunPod's SSH proxy offers an interactive shell only; remote commands and port forwards need the direct endpoint (expose 22/tcp)");

        var argv = SshCommandLine.Build(target, request);
        if (parse.GetValue(o.DryRun))
        {
            var line = ShellQuote.Join(argv);
            inv.Output.WriteResult(new JsonObject { ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode)a)]), ["command"] = line, ["endpoint"] = target.Kind }, line);
            return ExitCodes.Success;
        }

        if (!request.Insecure)
            PrivateFiles.CreateDirectory(inv.Context.ConfigDirectory);
        return await SshProcess.RunAsync(inv.Context, argv);
    }
}
