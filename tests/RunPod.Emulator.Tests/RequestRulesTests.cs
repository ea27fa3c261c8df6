using System.Net;
using System.Text.RegularExpressions;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed partial class RequestRulesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    [Fact]
    public async Task Unknown_field_is_422_with_validator_style_errors()
    {
        var response = await ApiCall.Post(_client, "/v2/pods", """{"name":"x","image":"i","gpu":{"id":"NVIDIA GeForce RTX 4090","count":"two"},"bogus":1}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        var errors = response.Json!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains("$: additional properties 'bogus' not allowed", errors);
        Assert.Contains("$.gpu.count: expected integer, but got string", errors);
    }

    [Fact]
    public async Task Missing_name_is_422()
    {
        var response = await ApiCall.Post(_client, "/v2/pods", """{"image":"i","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("missing properties: 'name'", response.Body);
    }

    [Theory]
    [InlineData("""{"name":"x","image":"i","gpu":{"id":"NVIDIA GeForce RTX 4090"},"cpu":{"id":"cpu3c","vcpuCount":2}}""")]
    [InlineData("""{"name":"x","image":"i"}""")]
    [InlineData("""{"name":"x","image":"i","gpu":{"id":"NVIDIA GeForce RTX 4090","allowedCudaVersions":["12.8"],"minCudaVersion":"12.4"}}""")]
    [InlineData("""{"name":"x","image":"i","gpu":{"id":"NVIDIA GeForce RTX 4090"},"mounts":{"persistent":{"size":20,"path":"/w"},"network":[{"volumeId":"v","path":"/n"}]}}""")]
    [InlineData("""{"name":"x","image":"i","cpu":{"id":"cpu3c","vcpuCount":2},"mounts":{"persistent":{"size":20,"path":"/w"}}}""")]
    public async Task Cross_field_violations_are_400(string body)
    {
        var response = await ApiCall.Post(_client, "/v2/pods", body);

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.Body);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Invalid_action_value_is_422()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod)).Json!["id"]!.GetValue<string>();

        var response = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"reset"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
    }

    [Fact]
    public async Task Missing_key_is_401_without_rate_limit_headers()
    {
        using var anonymous = emulator.Client();

        var response = await ApiCall.Get(anonymous, "/v2/pods");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("""{"title":"Unauthorized","status":401,"detail":"missing bearer token"}""", response.Body);
        Assert.False(response.Headers.Contains("RateLimit"));
    }

    [Fact]
    public async Task Malformed_key_is_401()
    {
        using var client = emulator.Client("sk-not-a-runpod-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiCall.Get(client, "/v2/catalog/gpus")).Status);
    }

    [Fact]
    public async Task Accounts_are_isolated_by_key()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod)).Json!["id"]!.GetValue<string>();
        using var other = emulator.Client(EmulatorFixture.NewApiKey());

        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(other, $"/v2/pods/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(other, $"/v2/pods/{id}")).Status);
        Assert.Equal("""{"pods":[]}""", (await ApiCall.Get(other, "/v2/pods")).Body);
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_client, $"/v2/pods/{id}")).Status);
    }

    [Fact]
    public async Task Wrong_method_is_405_with_allow_header()
    {
        var response = await ApiCall.Send(_client, HttpMethod.Put, "/v2/pods");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST", response.Allow);
    }

    [Fact]
    public async Task Rate_limit_headers_use_structured_field_syntax()
    {
        var response = await ApiCall.Get(_client, "/v2/pods");

        Assert.Matches(RateLimitSyntax(), response.Headers.GetValues("RateLimit").Single());
        Assert.Equal("\"minute\";q=6000;w=60, \"hour\";q=100000;w=3600, \"day\";q=1000000;w=86400", response.Headers.GetValues("RateLimit-Policy").Single());
    }

    [GeneratedRegex("""^"minute";r=\d+;t=\d+, "hour";r=\d+;t=\d+, "day";r=\d+;t=\d+$""")]
    private static partial Regex RateLimitSyntax();
}
