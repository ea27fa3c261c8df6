using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Helpers for fleet tests: make many pods quickly through the CLI itself, read the emulator's log per pod.</summary>
public abstract class PodBulkTestBase(EmulatorFixture emulator) : PodTestBase(emulator)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = Emulator.Client();
        await client.DeleteAsync("/_emulator/faults"); // faults are per emulator; each test starts clean
    }

    /// <summary>Creates <paramref name="count"/> pods named name-1..N; returns their ids in name order.</summary>
    protected async Task<List<string>> CreateFleetAsync(string name, int count, string gpu = "RTX 4090")
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", gpu, "--image", "runpod/pytorch:2.8.0", "--name", name,
            "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parallel", "16", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. result.Json.AsArray().Select(r => r!["id"]!.GetValue<string>())];
    }

    protected async Task<Dictionary<string, string>> StatusesAsync()
    {
        var list = await Cli.RunAsync("pod", "list", "-o", "json");
        Assert.Equal(0, list.ExitCode);
        return list.Json.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!["status"]!.GetValue<string>());
    }

    protected async Task AddFaultAsync(string json) => await Emulator.AdminPostAsync("/_emulator/faults", json);

    protected async Task ClearFaultsAsync()
    {
        using var client = Emulator.Client();
        (await client.DeleteAsync("/_emulator/faults")).EnsureSuccessStatusCode();
    }

    /// <summary>Per pod id: how many requests of this method to its path (or path + suffix) the emulator answered with <paramref name="status"/>.</summary>
    protected async Task<Dictionary<string, int>> SuccessfulRequestsPerPodAsync(string method, string suffix, int status)
    {
        var requests = await EmulatorRequests.ListAsync(Emulator, ApiKey, method, "/v2/pods/");
        return requests
            .Where(r => r["status"]!.GetValue<int>() == status && r["path"]!.GetValue<string>().EndsWith(suffix, StringComparison.Ordinal))
            .GroupBy(r => r["path"]!.GetValue<string>()["/v2/pods/".Length..].Split('/')[0])
            .ToDictionary(g => g.Key, g => g.Count());
    }

    protected static List<string> Ids(CliResult result) => [.. result.Json.AsArray().Select(r => r!["id"]!.GetValue<string>())];

    protected static List<JsonNode> Failed(CliResult result) => [.. result.Json.AsArray().Where(r => !r!["ok"]!.GetValue<bool>()).Select(r => r!)];
}
