using System.CommandLine;
using RunPod.Emulator;
using Rpctl.Cli;
using Rpctl.Local;

namespace Rpctl.Commands.Emulator;

/// <summary><c>rpctl emulator serve|reset</c>: the built-in RunPod emulator for other clients.</summary>
internal static class EmulatorCommand
{
    public static Command Create(Invocation inv) =>
        new Command("emulator", CommandExtensions.Describe("Run the built-in RunPod emulator (REST v2, GraphQL, serverless runtime) for any client",
                "rpctl emulator serve", "rpctl emulator reset --local"))
            .With(Serve(inv), Reset(inv));

    private static Command Serve(Invocation inv)
    {
        var port = ValidatedOptions.Int("--port", "Port to listen on (default 8787; 0 picks a free one)", 0, 65535, "PORT");
        var host = new Option<string?>("--host") { Description = "Address to bind (default 127.0.0.1; anything else exposes the emulator to the network)", HelpName = "ADDRESS" };
        var state = new Option<string?>("--state") { Description = "SQLite state file (default: the same file --local uses)", HelpName = "FILE" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep state in memory only" };

        return new Command("serve", CommandExtensions.Describe("Serve the emulator until Ctrl-C, and print the settings that point clients at it",
                "rpctl emulator serve", "rpctl emulator serve --port 9000 --in-memory"))
            .With(port, host, state, inMemory)
            .Runs(inv, async (parse, ct) =>
            {
                if (parse.GetValue(state) is not null && parse.GetValue(inMemory))
                    throw CliException.Usage("--state and --in-memory cannot be used together");
                var options = new EmulatorOptions
                {
                    Port = parse.GetValue(port) ?? 8787,
                    BindAddress = parse.GetValue(host) ?? "127.0.0.1",
                    StatePath = parse.GetValue(inMemory) ? null : parse.GetValue(state) ?? LocalEmulator.StatePath(inv.Context),
                };

                await using var emulator = await StartAsync(options, ct);
                var url = emulator.BaseAddress.ToString().TrimEnd('/');
                inv.Context.Err.WriteLine($"RunPod emulator listening on {url} (state: {options.StatePath ?? "in memory"}); Ctrl-C to stop");
                inv.Context.Out.WriteLine($"export RUNPOD_API_URL={url}");
                inv.Context.Out.WriteLine($"export RUNPOD_API_KEY={Invocation.LocalApiKey}");
                await inv.Context.Out.FlushAsync(ct);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C is how the server is meant to stop.
                }

                inv.Context.Err.WriteLine("emulator stopped");
                return ExitCodes.Success;
            });
    }

    private static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken ct)
    {
        try
        {
            return await EmulatorHost.StartAsync(options, ct);
        }
        catch (IOException e)
        {
            throw new CliException(ExitCodes.Failure, $"cannot listen on {options.BindAddress}:{options.Port}: {e.Message}");
        }
    }

    private static Command Reset(Invocation inv)
    {
        var yes = SharedOptions.Yes();
        return new Command("reset", CommandExtensions.Describe("Wipe the emulator's state: the --local state file, or the emulator at --api-url",
                "rpctl emulator reset --local --yes", "rpctl emulator reset --api-url http://127.0.0.1:8787 --yes"))
            .With(yes)
            .Runs(inv, async (parse, ct) =>
            {
                var settings = inv.Settings;
                if (!settings.Local && settings.ApiOrigin is null)
                    throw CliException.Usage("say which emulator: --local, or --api-url URL of a running 'rpctl emulator serve'");
                if (settings.ApiOrigin is { } origin && origin.Host.EndsWith("runpod.io", StringComparison.OrdinalIgnoreCase))
                    throw CliException.Usage($"{origin} is RunPod itself, not an emulator");
                Confirmation.Require(inv, "Delete every pod, endpoint and other resource in the emulator?", parse.GetValue(yes));

                var client = await inv.ClientAsync(requireKey: false, ct);
                await client.Transport.SendAsync(new RunPod.Api.Http.ApiRequest(RunPod.Api.ApiSurface.Rest, HttpMethod.Post, "/_emulator/reset"), ct);
                inv.Output.Note("emulator state reset");
                return ExitCodes.Success;
            });
    }
}
