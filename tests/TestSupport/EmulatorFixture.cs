using System.Net.Http.Headers;
using RunPod.Emulator;
using Xunit;

namespace TestSupport;

/// <summary>
/// An in-memory emulator on an ephemeral loopback port, shared by a test class
/// (IClassFixture&lt;EmulatorFixture&gt;) or a collection. Tests that need a clean slate call
/// <see cref="ResetAsync"/> or use their own API key (each key is its own account).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    public EmulatorHost Host => _host ?? throw new InvalidOperationException("fixture not initialised");

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>Zero delays by default would hide lifecycle bugs; tests advance the clock instead.</summary>
    public EmulatorOptions Options { get; } = new();

    public async ValueTask InitializeAsync() => _host = await EmulatorHost.StartAsync(Options);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client for the emulator; with a key it sends `Authorization: Bearer key`.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    /// <summary>A fresh, valid key: a new, empty account.</summary>
    public static string NewApiKey() => "rpa_test_" + Guid.NewGuid().ToString("N");

    public async Task ResetAsync()
    {
        using var client = Client();
        using var response = await client.PostAsync("/_emulator/reset", null);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var client = Client();
        using var content = new StringContent($"{{\"advanceSeconds\":{by.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/_emulator/clock", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdminPostAsync(string path, string json)
    {
        using var client = Client();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        response.EnsureSuccessStatusCode();
    }
}
