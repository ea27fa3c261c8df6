using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RunPod.Emulator.Hosting;

namespace RunPod.Emulator;

/// <summary>
/// A running RunPod emulator: REST v2, GraphQL and the /_emulator control surface on one origin.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorServices _services;

    private EmulatorHost(WebApplication app, EmulatorServices services, Uri baseAddress)
    {
        _app = app;
        _services = services;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. http://127.0.0.1:41234 (no trailing path).</summary>
    public Uri BaseAddress { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var services = new EmulatorServices(options);
        try
        {
            var app = EmulatorApp.Build(options, services);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new EmulatorHost(app, services, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)));
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _services.Dispose();
    }
}
