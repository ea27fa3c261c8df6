using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.Pods;
using TestSupport;
using Xunit;

namespace RunPod.Api.Tests;

/// <summary>The client library against the emulator over loopback HTTP.</summary>
public sealed class ClientTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private RunPodClient NewClient(string? key, List<string>? trace = null, int retries = 2, TimeSpan? budget = null, TimeSpan? hold = null)
    {
        var options = new RunPodClientOptions
        {
            ApiKey = key,
            UserAgent = "rpctl-tests/1.0",
            Trace = trace is null ? null : trace.Add,
            Retry = new RetrySettings { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20), Budget = budget ?? TimeSpan.FromMinutes(2), MaxRateLimitHold = hold ?? TimeSpan.FromSeconds(65) },
        };
        options.UseSingleOrigin(emulator.BaseAddress);
        return new RunPodClient(options);
    }

    [Fact]
    public async Task Pod_round_trip_keeps_typed_fields_and_the_raw_v2_object()
    {
        using var client = NewClient(EmulatorFixture.NewApiKey());
        var created = await client.Pods.CreateAsync(new CreatePodRequest
        {
            Name = "client-test",
            Image = "img:1",
            Gpu = new CreateGpuConfig { Id = "NVIDIA GeForce RTX 4090", Count = 1 },
            Env = new() { ["A"] = "x=y,z" },
            Ports = ["22/tcp"],
        }, CancellationToken.None);

        Assert.Equal(14, created.Id.Length);
        Assert.Equal(PodStatus.Provisioning, created.Status);
        Assert.Equal("NVIDIA GeForce RTX 4090", created.Gpu!.Id);
        Assert.Equal("x=y,z", created.Env!["A"]);
        Assert.True(created.Raw.TryGetProperty("mounts", out _)); // fields the typed model does not carry are kept

        var listed = Assert.Single(await client.Pods.ListAsync(CancellationToken.None));
        Assert.Equal(created.Id, listed.Id);

        var stopped = await client.Pods.ActionAsync(created.Id, "stop", CancellationToken.None);
        Assert.Contains(stopped.Status, new[] { PodStatus.Exited, PodStatus.Running });
        await client.Pods.DeleteAsync(created.Id, CancellationToken.None);
        Assert.Empty(await client.Pods.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Problem_json_errors_become_typed_exceptions_with_the_request_path()
    {
        using var client = NewClient(EmulatorFixture.NewApiKey());
        var notFound = await Assert.ThrowsAsync<RunPodApiException>(() => client.Pods.GetAsync("zzzzzzzzzzzzzz", CancellationToken.None));
        Assert.Equal(404, notFound.Status);
        Assert.Equal("/v2/pods/zzzzzzzzzzzzzz", notFound.RequestPath);
        Assert.False(string.IsNullOrEmpty(notFound.Title));

        var invalid = await Assert.ThrowsAsync<RunPodApiException>(() => client.Pods.UpdateAsync("zzzzzzzzzzzzzz", new JsonObject { ["bogus"] = 1 }, CancellationToken.None));
        Assert.True(invalid.Status is 404 or 422);
    }

    [Fact]
    public async Task Unknown_fields_get_422_with_the_validator_messages()
    {
        using var client = NewClient(EmulatorFixture.NewApiKey());
        var request = new RunPod.Api.Http.ApiRequest(ApiSurface.Rest, HttpMethod.Post, "/v2/pods",
            new JsonObject { ["name"] = "x", ["image"] = "i", ["gpu"] = new JsonObject { ["id"] = "NVIDIA GeForce RTX 4090", ["count"] = 1 }, ["bogus"] = true });
        var error = await Assert.ThrowsAsync<RunPodApiException>(() => client.Transport.SendAsync(request, CancellationToken.None));
        Assert.Equal(422, error.Status);
        Assert.Contains(error.Errors, e => e.Contains("bogus"));
    }

    [Fact]
    public async Task Missing_key_is_401()
    {
        using var client = NewClient(null);
        var error = await Assert.ThrowsAsync<RunPodApiException>(() => client.Pods.ListAsync(CancellationToken.None));
        Assert.Equal(401, error.Status);
        Assert.Equal("missing bearer token", error.Detail);
    }

    [Fact]
    public async Task GraphQl_errors_become_GraphQlException_and_variables_carry_user_text()
    {
        using var client = NewClient(EmulatorFixture.NewApiKey());
        var stop = RunPod.Api.GraphQl.GraphQlClient.BuildRequest(
            "mutation Stop($input: PodStopInput!) { podStop(input: $input) { id desiredStatus } }",
            new JsonObject { ["input"] = new JsonObject { ["podId"] = "no\"such}pod" } });
        var error = await Assert.ThrowsAsync<GraphQlException>(() => client.GraphQl.ExecuteAsync(stop, "podStop", CancellationToken.None));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public async Task Rate_limited_requests_whose_wait_exceeds_the_budget_fail_at_once_as_429()
    {
        var key = EmulatorFixture.NewApiKey();
        var trace = new List<string>();
        // A minute window's reset is beyond a 1 s budget: rpctl gives up at once instead of hanging.
        using var client = NewClient(key, trace, retries: 2, budget: TimeSpan.FromSeconds(1), hold: TimeSpan.Zero);
        await emulator.AdminPostAsync("/_emulator/config", """{"rateLimits":{"minute":2}}""");
        try
        {
            await client.Pods.ListAsync(CancellationToken.None);
            await client.Pods.ListAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<RunPodApiException>(() => client.Pods.ListAsync(CancellationToken.None));
            Assert.Equal(429, error.Status);
            Assert.NotNull(error.RetryAfter);
            Assert.Contains(trace, t => t.StartsWith("retry: giving up after HTTP 429", StringComparison.Ordinal));
            Assert.DoesNotContain(trace, t => t.StartsWith("retry: attempt", StringComparison.Ordinal));
        }
        finally
        {
            await emulator.AdminPostAsync("/_emulator/config", """{"rateLimits":{"minute":6000}}""");
        }
    }

    [Fact]
    public async Task Refused_connections_are_retried_and_reported_as_certainly_not_sent()
    {
        // A port nobody listens on: bind, read the number, close.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var trace = new List<string>();
        var options = new RunPodClientOptions
        {
            ApiKey = "rpa_whatever",
            Trace = trace.Add,
            Retry = new RetrySettings { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        options.UseSingleOrigin(new Uri($"http://127.0.0.1:{port}"));
        using var client = new RunPodClient(options);

        var error = await Assert.ThrowsAsync<RunPodTransportException>(() => client.Pods.CreateAsync(
            new CreatePodRequest { Name = "x", Image = "i", Gpu = new CreateGpuConfig { Id = "g" } }, CancellationToken.None));
        Assert.False(error.MayHaveReachedServer);
        Assert.Equal(2, trace.Count(t => t.StartsWith("retry:", StringComparison.Ordinal))); // a create may be re-sent: it never arrived
        Assert.DoesNotContain(trace, t => t.Contains("rpa_whatever"));
    }
}
