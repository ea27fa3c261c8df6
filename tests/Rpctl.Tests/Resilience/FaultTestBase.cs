using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>
/// Faults are global to an emulator process, so each fault test class gets its own emulator
/// (IClassFixture) and clears faults around every test. Backoff is shortened through the
/// environment so retries cost milliseconds, not seconds.
/// </summary>
public abstract class FaultTestBase : PodTestBase
{
    protected FaultTestBase(EmulatorFixture emulator) : base(emulator)
    {
        Cli.Environment["RPCTL_RETRY_BASE_DELAY"] = "1ms";
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ClearFaultsAsync();
    }

    protected async Task AddFaultAsync(string json) => await Emulator.AdminPostAsync("/_emulator/faults", json);

    protected async Task ClearFaultsAsync()
    {
        using var client = Emulator.Client();
        using var response = await client.DeleteAsync("/_emulator/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many times each fault fired, in the order they were added.</summary>
    protected async Task<List<int>> FiredAsync()
    {
        using var client = Emulator.Client();
        var list = await client.GetFromJsonAsync<JsonObject>("/_emulator/faults");
        return list!["faults"]!.AsArray().Select(f => f!["fired"]!.GetValue<int>()).ToList();
    }

    /// <summary>The account's pods straight from the emulator (not through rpctl).</summary>
    protected async Task<List<JsonObject>> PodsInEmulatorAsync()
    {
        using var client = Emulator.Client(ApiKey);
        var body = await client.GetFromJsonAsync<JsonObject>("/v2/pods");
        return body!["pods"]!.AsArray().Select(p => p!.AsObject()).ToList();
    }

    protected async Task<int> CountAsync(string method, string path) =>
        (await EmulatorRequests.ListAsync(Emulator, ApiKey, method, path)).Count(r => r["path"]!.GetValue<string>() == path);

    protected static void AssertOneLineError(CliResult result, int exitCode, string mentions)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.True(result.Stderr.Contains(mentions, StringComparison.Ordinal), $"expected '{mentions}' in stderr\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("{\"error\"", StringComparison.Ordinal));
    }
}
