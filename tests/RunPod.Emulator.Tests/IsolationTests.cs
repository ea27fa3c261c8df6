using System.Net;
using System.Text.RegularExpressions;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>
/// Each key is its own account: one key can neither see, change nor delete another's pods (404, as
/// RunPod answers for other users' resources); no key is 401; the emulator binds loopback by default.
/// </summary>
public sealed class IsolationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Another_key_gets_404_for_every_operation_on_my_pod()
    {
        using var owner = emulator.Client(EmulatorFixture.NewApiKey());
        using var stranger = emulator.Client(EmulatorFixture.NewApiKey());
        var id = (await ApiCall.Post(owner, "/v2/pods", PodLifecycleTests.Rtx4090Pod)).Json!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(stranger, $"/v2/pods/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Patch(stranger, $"/v2/pods/{id}", """{"name":"stolen"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Post(stranger, $"/v2/pods/{id}/action", """{"action":"stop"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(stranger, $"/v2/pods/{id}")).Status);
        Assert.Equal("[]", (await ApiCall.Get(stranger, "/v2/pods")).Json!["pods"]!.ToJsonString());

        // GraphQL: the stranger's query finds nothing and its mutation changes nothing.
        var query = """{"query":"query P($input: PodFilter) { pod(input: $input) { id } }","variables":{"input":{"podId":"ID"}}}""".Replace("ID", id);
        var seen = await ApiCall.Post(stranger, "/graphql", query);
        Assert.True(seen.Json!["data"]?["pod"] is null, seen.Body);
        var stop = """{"query":"mutation S($input: PodStopInput!) { podStop(input: $input) { id } }","variables":{"input":{"podId":"ID"}}}""".Replace("ID", id);
        await ApiCall.Post(stranger, "/graphql", stop);

        var mine = await ApiCall.Get(owner, $"/v2/pods/{id}");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("trainer", mine.Json!["name"]!.GetValue<string>());
        Assert.NotEqual("EXITED", mine.Json!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v2/pods")]
    [InlineData("POST", "/v2/pods")]
    [InlineData("GET", "/v2/pods/abc")]
    [InlineData("DELETE", "/v2/pods/abc")]
    [InlineData("GET", "/v2/catalog/gpus")]
    public async Task No_key_is_401_without_rate_limit_headers(string method, string path)
    {
        using var anonymous = emulator.Client();
        var call = await ApiCall.Send(anonymous, new HttpMethod(method), path, method == "POST" ? PodLifecycleTests.Rtx4090Pod : null);
        Assert.Equal(HttpStatusCode.Unauthorized, call.Status);
        Assert.Equal("missing bearer token", call.Json!["detail"]!.GetValue<string>());
        Assert.False(call.Headers.Contains("RateLimit"));
    }

    [Fact]
    public void The_emulator_listens_on_loopback_by_default()
    {
        Assert.Equal("127.0.0.1", new EmulatorOptions().BindAddress);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(emulator.BaseAddress.Host)));
    }

    [Fact]
    public async Task Rate_limit_headers_follow_the_structured_field_syntax_on_every_authenticated_answer()
    {
        using var client = emulator.Client(EmulatorFixture.NewApiKey());
        foreach (var call in new[]
                 {
                     await ApiCall.Get(client, "/v2/pods"),
                     await ApiCall.Get(client, "/v2/pods/zzzzzzzzzzzzzz"),
                     await ApiCall.Post(client, "/v2/pods", """{"bogus":1}"""),
                 })
        {
            var limit = call.Headers.GetValues("RateLimit").Single();
            var policy = call.Headers.GetValues("RateLimit-Policy").Single();
            Assert.Matches(new Regex(@"^""minute"";r=\d+;t=\d+, ""hour"";r=\d+;t=\d+, ""day"";r=\d+;t=\d+$"), limit);
            Assert.Matches(new Regex(@"^""minute"";q=\d+;w=60, ""hour"";q=\d+;w=3600, ""day"";q=\d+;w=86400$"), policy);
        }
    }
}
