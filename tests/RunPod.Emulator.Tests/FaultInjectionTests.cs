using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>
/// /_emulator/faults: every kind of fault, its matching and expiry, and the request log's record of it.
/// Own host per test: faults apply to the whole emulator, not one account.
/// </summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions(), TestContext.Current.CancellationToken);
        _admin = new HttpClient { BaseAddress = _host.BaseAddress };
        _client = new HttpClient { BaseAddress = _host.BaseAddress };
        _client.DefaultRequestHeaders.Authorization = new("Bearer", EmulatorFixture.NewApiKey());
        await ApiCall.Post(_admin, "/_emulator/config", """{"provisioningDelaySeconds":0,"startingDelaySeconds":0}""");
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<string> CreatePod()
    {
        var created = await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod);
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        return created.Json!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> AddFault(string json)
    {
        var added = await ApiCall.Post(_admin, "/_emulator/faults", json);
        Assert.True(added.Status == HttpStatusCode.Created, added.Body);
        return added.Json!.AsObject();
    }

    [Fact]
    public async Task Status_fault_with_count_fires_exactly_count_times_on_matching_requests_only()
    {
        var id = await CreatePod();
        var fault = await AddFault("""{"method":"POST","path":"/v2/pods/*/action","status":500,"count":2,"retryAfter":3}""");
        Assert.Equal("f1", fault["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_client, $"/v2/pods/{id}")).Status); // GET does not match
        var first = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""");
        var second = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""");
        var third = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal("application/problem+json", first.ContentType);
        Assert.Equal(500, first.Json!["status"]!.GetValue<int>());
        Assert.Equal("3", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status); // expired: the real handler ran
        Assert.Equal("EXITED", third.Json!["status"]!.GetValue<string>());

        var listed = (await ApiCall.Get(_admin, "/_emulator/faults")).Json!["faults"]!.AsArray().Single()!;
        Assert.Equal(2, listed["fired"]!.GetValue<int>());
        Assert.Equal(0, listed["remaining"]!.GetValue<int>());

        var log = (await ApiCall.Get(_admin, "/_emulator/requests?path=/v2/pods/" + id + "/action")).Json!["requests"]!.AsArray();
        Assert.Equal(["status 500", "status 500", null], log.Select(e => e!["fault"]?.GetValue<string>()));
        Assert.Equal([500, 500, 200], log.Select(e => e!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Faulted_request_is_not_processed()
    {
        var id = await CreatePod();
        await AddFault("""{"path":"/v2/pods/*/action","status":503,"count":1}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""")).Status);
        Assert.Equal("RUNNING", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rate_fault_is_deterministic_for_a_seed()
    {
        async Task<List<HttpStatusCode>> Run()
        {
            await ApiCall.Delete(_admin, "/_emulator/faults");
            await AddFault("""{"method":"GET","path":"/v2/pods","status":502,"rate":0.3,"seed":7}""");
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
                statuses.Add((await ApiCall.Get(_client, "/v2/pods")).Status);
            return statuses;
        }

        var first = await Run();
        var second = await Run();
        Assert.Equal(first, second);
        var failures = first.Count(s => s == HttpStatusCode.BadGateway);
        Assert.InRange(failures, 4, 24); // some, not all
        Assert.Equal(40 - failures, first.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Drop_before_leaves_state_unchanged_and_drop_after_commits_it()
    {
        var id = await CreatePod();
        await AddFault("""{"method":"POST","path":"/v2/pods/*/action","drop":"before","count":1}""");
        await Assert.ThrowsAsync<HttpRequestException>(() => ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}"""));
        Assert.Equal("RUNNING", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!["status"]!.GetValue<string>());

        await AddFault("""{"method":"POST","path":"/v2/pods/*/action","drop":"after","count":1}""");
        await Assert.ThrowsAsync<HttpRequestException>(() => ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}"""));
        Assert.Equal("EXITED", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!["status"]!.GetValue<string>());

        var log = (await ApiCall.Get(_admin, "/_emulator/requests?path=/v2/pods/" + id + "/action")).Json!["requests"]!.AsArray();
        Assert.Equal(["drop before", "drop after"], log.Select(e => e!["fault"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Latency_fault_delays_then_processes()
    {
        await AddFault("""{"path":"/v2/pods","latencyMs":300,"count":1}""");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var call = await ApiCall.Get(_client, "/v2/pods");
        Assert.Equal(HttpStatusCode.OK, call.Status);
        Assert.True(watch.ElapsedMilliseconds >= 250, $"answered after {watch.ElapsedMilliseconds} ms"); // a lower bound, not a timing budget
        var log = (await ApiCall.Get(_admin, "/_emulator/requests?path=/v2/pods")).Json!["requests"]!.AsArray();
        Assert.Equal("latency 300ms", log.Single()!["fault"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_capacity_shorthand_answers_runpods_400()
    {
        await AddFault("""{"method":"POST","path":"/v2/pods","noCapacity":true,"count":1}""");
        var refused = await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("no longer any instances available", refused.Json!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod)).Status);
    }

    [Fact]
    public async Task Double_star_matches_any_depth_and_admin_routes_are_never_faulted()
    {
        await AddFault("""{"path":"/**","status":500}""");
        Assert.Equal(HttpStatusCode.InternalServerError, (await ApiCall.Get(_client, "/v2/pods")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await ApiCall.Get(_client, "/v2/pods/abc/action")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_admin, "/_emulator/faults")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_admin, "/_emulator/faults")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_client, "/v2/pods")).Status);
        Assert.Equal("[]", (await ApiCall.Get(_admin, "/_emulator/faults")).Json!["faults"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_by_id_and_reset_remove_faults()
    {
        var a = await AddFault("""{"path":"/v2/pods","status":500}""");
        await AddFault("""{"path":"/v2/catalog/**","status":500}""");
        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_admin, "/_emulator/faults/" + a["id"])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(_admin, "/_emulator/faults/" + a["id"])).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_client, "/v2/pods")).Status);

        await ApiCall.Post(_admin, "/_emulator/reset", "{}");
        Assert.Equal("[]", (await ApiCall.Get(_admin, "/_emulator/faults")).Json!["faults"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"status":500}""", "missing properties: 'path'")]
    [InlineData("""{"path":"v2/pods","status":500}""", "$.path")]
    [InlineData("""{"path":"/v2/pods"}""", "needs at least one of")]
    [InlineData("""{"path":"/v2/pods","status":99}""", "$.status")]
    [InlineData("""{"path":"/v2/pods","status":"500"}""", "$.status")]
    [InlineData("""{"path":"/v2/pods","status":500,"count":0}""", "$.count")]
    [InlineData("""{"path":"/v2/pods","status":500,"rate":1.5}""", "$.rate")]
    [InlineData("""{"path":"/v2/pods","status":500,"rate":0}""", "$.rate")]
    [InlineData("""{"path":"/v2/pods","drop":"during"}""", "$.drop")]
    [InlineData("""{"path":"/v2/pods","drop":"after","status":500}""", "cannot be combined")]
    [InlineData("""{"path":"/v2/pods","latencyMs":-1}""", "$.latencyMs")]
    [InlineData("""{"path":"/v2/pods","status":500,"bogus":1}""", "additional properties 'bogus'")]
    public async Task Bad_fault_bodies_are_422_and_add_nothing(string body, string mentions)
    {
        var call = await ApiCall.Post(_admin, "/_emulator/faults", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, call.Status);
        Assert.Contains(mentions, call.Body);
        Assert.Equal("[]", (await ApiCall.Get(_admin, "/_emulator/faults")).Json!["faults"]!.ToJsonString());
    }

    [Fact]
    public async Task Date_header_follows_the_emulator_clock()
    {
        await ApiCall.Post(_admin, "/_emulator/clock", """{"advanceSeconds":7200}""");
        var call = await ApiCall.Get(_client, "/v2/pods");
        var date = call.Headers.Date!.Value;
        Assert.InRange(date - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
    }
}
