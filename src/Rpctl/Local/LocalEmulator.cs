using RunPod.Emulator;
using Rpctl.Cli;

namespace Rpctl.Local;

/// <summary>
/// The emulator behind <c>--local</c>: started inside this process on a loopback port, with its
/// state in a SQLite file under the user's data directory so pods survive between invocations.
/// </summary>
internal sealed class LocalEmulator : IAsyncDisposable
{
    private readonly EmulatorHost _host;

    private LocalEmulator(EmulatorHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public static string StatePath(CliContext context) =>
        context.Env("RPCTL_LOCAL_STATE") ?? Path.Combine(context.DataDirectory, "emulator.db");

    public static async Task<LocalEmulator> StartAsync(CliContext context, CancellationToken ct)
    {
        var options = new EmulatorOptions { StatePath = StatePath(context) };
        return new LocalEmulator(await EmulatorHost.StartAsync(options, ct));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
