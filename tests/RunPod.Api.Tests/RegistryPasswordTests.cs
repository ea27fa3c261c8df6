using System.Net;
using System.Text;
using RunPod.Api;
using Xunit;

namespace RunPod.Api.Tests;

/// <summary>
/// A server that echoes the password back in its error (RunPod's validators quote values
/// sometimes): the registry client must scrub it before anyone can print the error.
/// The fake server is a handler standing in for the network, not our own code.
/// </summary>
public sealed class RegistryPasswordTests
{
    private const string Password = "hunter2-Very-Secret";

    private sealed class EchoingServer(HttpStatusCode status, string contentType) : HttpMessageHandler
    {
        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
            var body = contentType == "application/problem+json"
                ? $$"""{"title":"Bad Request","status":400,"detail":"cannot log in with password {{Password}}","errors":["$.password: '{{Password}}' rejected"]}"""
                : $$$"""{"errors":[{"message":"bad password {{{Password}}}","path":["updateRegistryAuth"],"extensions":{"code":"RUNPOD"}}],"data":{"updateRegistryAuth":null}}""";
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        }
    }

    private static RunPodClient Client(HttpMessageHandler server, List<string> trace)
    {
        var options = new RunPodClientOptions { ApiKey = "rpa_test_key", Trace = trace.Add };
        options.UseSingleOrigin(new Uri("http://127.0.0.1:9"));
        return new RunPodClient(options, server);
    }

    [Fact]
    public async Task Rest_create_error_echoing_the_password_is_scrubbed()
    {
        var server = new EchoingServer(HttpStatusCode.BadRequest, "application/problem+json");
        var trace = new List<string>();
        using var client = Client(server, trace);

        var error = await Assert.ThrowsAsync<RunPodApiException>(() => client.Registries.CreateAsync("hub", "me", Password, CancellationToken.None));

        Assert.Contains(Password, server.LastBody); // it was sent
        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain(Password, string.Join(";", error.Errors));
        Assert.Contains("[REDACTED]", error.Detail);
        Assert.DoesNotContain(Password, string.Join("\n", trace));
        Assert.NotEmpty(trace);
    }

    [Fact]
    public async Task GraphQl_update_error_echoing_the_password_is_scrubbed()
    {
        var server = new EchoingServer(HttpStatusCode.OK, "application/json");
        var trace = new List<string>();
        using var client = Client(server, trace);

        var error = await Assert.ThrowsAsync<GraphQlException>(() => client.Registries.UpdateAsync("creg", "me", Password, CancellationToken.None));

        Assert.Contains(Password, server.LastBody);
        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain(Password, string.Join("\n", trace));
    }

    [Fact]
    public void A_request_prints_as_method_and_path_without_its_body()
    {
        var request = new RunPod.Api.Http.ApiRequest(ApiSurface.Rest, HttpMethod.Post, "/v2/registries",
            new System.Text.Json.Nodes.JsonObject { ["password"] = Password });

        Assert.Equal("POST /v2/registries", request.ToString());
    }
}
