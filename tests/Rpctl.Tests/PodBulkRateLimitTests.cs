using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// The one rate limiter shared by every worker: with a tiny quota the fleet waits for the window
/// instead of collecting 429s, and a Retry-After holds everyone. Own class: quotas are emulator-wide.
/// </summary>
public sealed class PodBulkRateLimitTests(EmulatorFixture emulator) : PodBulkTestBase(emulator)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Emulator.AdminPostAsync("/_emulator/config", """{"rateLimits":{"minute":6000}}""");
    }

    [Fact]
    public async Task Workers_share_one_budget_and_wait_for_the_window_instead_of_hitting_429()
    {
        var ids = await CreateFleetAsync("quota", 8);
        // Start a fresh minute window a few seconds before its end, so the wait for the next one is short.
        await MoveToSecondOfNextMinuteAsync(55);
        await Emulator.AdminPostAsync("/_emulator/config", """{"rateLimits":{"minute":6}}""");

        // 1 list + 8 stops with 6 allowed per minute: without a shared budget, 4 workers overrun it.
        var stop = await Cli.RunAsync("pod", "stop-all", "--yes", "--parallel", "4", "-o", "json", "--debug");
        await Emulator.AdminPostAsync("/_emulator/config", """{"rateLimits":{"minute":6000}}""");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Contains("rate limit: holding requests", stop.Stderr);
        var requests = await EmulatorRequests.ListAsync(Emulator, ApiKey);
        Assert.DoesNotContain(requests, r => r["status"]!.GetValue<int>() == 429);
        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("EXITED", s));
        var stops = await SuccessfulRequestsPerPodAsync("POST", "/action", 200);
        Assert.Equal(ids.ToHashSet(), stops.Keys.ToHashSet());
        Assert.All(stops.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_fleet_finishes()
    {
        var ids = await CreateFleetAsync("later", 6);
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods/*/action","status":429,"retryAfter":1,"count":2}""");

        var stop = await Cli.RunAsync("pod", "stop-all", "--yes", "--parallel", "3", "-o", "json");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal(2, (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST")).Count(r => r["status"]!.GetValue<int>() == 429));
        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("EXITED", s));
        Assert.All((await SuccessfulRequestsPerPodAsync("POST", "/action", 200)).Values, n => Assert.Equal(1, n));
        Assert.Equal(ids.Count, stop.Json.AsArray().Count);
    }

    private async Task MoveToSecondOfNextMinuteAsync(int second)
    {
        using var client = Emulator.Client();
        var clock = await client.GetFromJsonAsync<JsonObject>("/_emulator/clock", TestContext.Current.CancellationToken);
        var now = DateTimeOffset.Parse(clock!["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await Emulator.AdvanceClockAsync(TimeSpan.FromSeconds(60 - now.Second + second));
    }
}
