using System.Net;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>Own hosts (not a shared fixture): these tests change quotas or need a state file.</summary>
public sealed class RateLimitAndPersistenceTests
{
    [Fact]
    public async Task Tiny_quota_gives_429_with_integer_retry_after()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        using var admin = new HttpClient { BaseAddress = host.BaseAddress };
        (await ApiCall.Post(admin, "/_emulator/config", """{"rateLimits":{"minute":2}}""")).Json!.ToString();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", EmulatorFixture.NewApiKey());

        var statuses = new List<HttpStatusCode>();
        ApiCall? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await ApiCall.Get(client, "/v2/pods");
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate limit exceeded for the minute window", last!.Json!["detail"]!.GetValue<string>());
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 60);
        Assert.StartsWith("\"minute\";r=0;", last.Headers.GetValues("RateLimit").Single());
    }

    [Fact]
    public async Task State_and_clock_persist_across_hosts_sharing_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "rpctl-emu-" + Guid.NewGuid().ToString("N"), "state.db");
        var key = EmulatorFixture.NewApiKey();
        string id;
        await using (var first = await EmulatorHost.StartAsync(new EmulatorOptions { StatePath = path }, TestContext.Current.CancellationToken))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            id = (await ApiCall.Post(client, "/v2/pods", PodLifecycleTests.Rtx4090Pod)).Json!["id"]!.GetValue<string>();
            await ApiCall.Post(client, "/_emulator/clock", """{"advanceSeconds":60}""");
        }

        await using var second = await EmulatorHost.StartAsync(new EmulatorOptions { StatePath = path }, TestContext.Current.CancellationToken);
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        again.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var pod = await ApiCall.Get(again, $"/v2/pods/{id}");

        Assert.Equal(HttpStatusCode.OK, pod.Status);
        Assert.Equal("RUNNING", pod.Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_log_keeps_bodies_but_never_the_key()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var key = EmulatorFixture.NewApiKey();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        await ApiCall.Post(client, "/v2/pods", PodLifecycleTests.Rtx4090Pod);

        var log = await ApiCall.Get(client, "/_emulator/requests?path=/v2/pods");

        var entry = log.Json!["requests"]!.AsArray().Single()!;
        Assert.Equal("POST", entry["method"]!.GetValue<string>());
        Assert.Equal("trainer", entry["body"]!["name"]!.GetValue<string>());
        Assert.Equal(201, entry["status"]!.GetValue<int>());
        Assert.DoesNotContain(key, log.Body);
        Assert.Equal("…" + key[^4..], entry["key"]!.GetValue<string>());
    }
}
