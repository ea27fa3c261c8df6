using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>
/// The fault suite: 100 pods created, stopped and deleted while the emulator answers 20% of pod
/// requests with 500, opens with a burst of 429s and drops connections before and after processing.
/// Every pod must end in the requested state exactly once, with no duplicate ever in the emulator.
/// </summary>
public sealed class ResilienceFleetTests(EmulatorFixture emulator) : FaultTestBase(emulator)
{
    private const int Pods = 100;

    [Fact]
    public async Task Hundred_pods_survive_500s_429s_and_dropped_connections_exactly_once()
    {
        await Emulator.AdminPostAsync("/_emulator/capacity", """{"gpuTypeId":"NVIDIA GeForce RTX 4090","available":500}""");
        // Enough retries that a request failing on every attempt (0.3^11) does not happen in practice;
        // the seeds make the fault sequence the same on every run.
        Cli.Environment["RPCTL_RETRIES"] = "10";
        var fired = new List<int>();

        await InjectFaultsAsync();
        var created = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--name", "fleet",
            "--count", Pods.ToString(), "--parallel", "8", "-o", "json");
        fired.AddRange(await ClearFaultsCountingAsync());
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(Pods, created.Json.AsArray().Count(r => r!["ok"]!.GetValue<bool>()));
        var pods = await PodsInEmulatorAsync();
        Assert.Equal(Pods, pods.Count);
        Assert.Equal(Enumerable.Range(1, Pods).Select(i => $"fleet-{i}").Order(), pods.Select(p => p["name"]!.GetValue<string>()).Order());
        Assert.Equal(pods.Select(p => p["id"]!.GetValue<string>()).Order(),
            created.Json.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order()); // the report names the pods that exist

        await InjectFaultsAsync();
        var stopped = await Cli.RunAsync("pod", "stop", "--all", "--yes", "--parallel", "8", "-o", "json");
        fired.AddRange(await ClearFaultsCountingAsync());
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Equal(Pods, stopped.Json.AsArray().Count(r => r!["ok"]!.GetValue<bool>()));
        pods = await PodsInEmulatorAsync();
        Assert.Equal(Pods, pods.Count);
        Assert.All(pods, p => Assert.Equal("EXITED", p["status"]!.GetValue<string>()));

        await InjectFaultsAsync();
        var deleted = await Cli.RunAsync("pod", "delete", "--all", "--yes", "--parallel", "8", "-o", "json");
        fired.AddRange(await ClearFaultsCountingAsync());
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(Pods, deleted.Json.AsArray().Count(r => r!["ok"]!.GetValue<bool>()));
        Assert.Empty(await PodsInEmulatorAsync());

        // Every kind of fault really happened, so the run above proved something.
        Assert.All(fired, n => Assert.True(n > 0, string.Join(",", fired)));
        // Each pod was created by exactly one successful POST: lost answers were found, not re-sent.
        var creates = (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods"))
            .Where(r => r["path"]!.GetValue<string>() == "/v2/pods" && r["status"]!.GetValue<int>() == 201).ToList();
        Assert.Equal(Pods, creates.Count);
    }

    /// <summary>A burst of 429s first, then dropped connections both ways and 20% 500s on every pod route.</summary>
    private async Task InjectFaultsAsync()
    {
        await AddFaultAsync("""{"path":"/v2/pods**","status":429,"retryAfter":0,"count":6}""");
        await AddFaultAsync("""{"path":"/v2/pods**","drop":"before","rate":0.05,"seed":11}""");
        await AddFaultAsync("""{"path":"/v2/pods**","drop":"after","rate":0.05,"seed":12}""");
        await AddFaultAsync("""{"path":"/v2/pods**","status":500,"rate":0.2,"seed":13}""");
    }

    private async Task<List<int>> ClearFaultsCountingAsync()
    {
        var fired = await FiredAsync();
        await ClearFaultsAsync();
        return fired;
    }
}
