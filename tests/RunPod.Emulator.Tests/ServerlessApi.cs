using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>Helpers for serverless tests: one account per test, endpoints created over REST, runtime calls.</summary>
internal sealed class ServerlessApi(EmulatorFixture emulator)
{
    public string ApiKey { get; } = EmulatorFixture.NewApiKey();

    public HttpClient Client => field ??= emulator.Client(ApiKey);

    public const string QueueEndpoint = """{"name":"e","type":"QUEUE","image":"example/worker:1","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""";

    public async Task<string> CreateEndpointAsync(string json = QueueEndpoint)
    {
        var created = await ApiCall.Post(Client, "/v2/serverless", json);
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        return created.Json!["id"]!.GetValue<string>();
    }

    /// <summary>An endpoint with workers.min/max set, e.g. (1, 1) for one always-on worker.</summary>
    public Task<string> CreateEndpointAsync(int min, int max) =>
        CreateEndpointAsync(QueueEndpoint.Replace("\"gpu\"", $"\"workers\":{{\"min\":{min},\"max\":{max}}},\"gpu\"", StringComparison.Ordinal));

    public async Task<string> RunAsync(string endpoint, string input, string extra = "")
    {
        var call = await ApiCall.Post(Client, $"/v2/{endpoint}/run", $$"""{"input":{{input}}{{extra}}}""");
        Assert.True(call.Status == HttpStatusCode.OK, call.Body);
        Assert.Equal("IN_QUEUE", call.Json!["status"]!.GetValue<string>());
        return call.Json!["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> StatusAsync(string endpoint, string job)
    {
        var call = await ApiCall.Get(Client, $"/v2/{endpoint}/status/{job}");
        Assert.True(call.Status == HttpStatusCode.OK, call.Body);
        return call.Json!;
    }

    public async Task<string> StatusOfAsync(string endpoint, string job) => (await StatusAsync(endpoint, job))["status"]!.GetValue<string>();

    public async Task<JsonNode> HealthAsync(string endpoint) => (await ApiCall.Get(Client, $"/v2/{endpoint}/health")).Json!;

    public Task<ApiCall> PostAsync(string path) => ApiCall.Post(Client, path, "{}");

    /// <summary>A client that sends the key raw (`Authorization: KEY`), as worker callbacks and some doc examples do.</summary>
    public HttpClient RawKeyClient()
    {
        var client = new HttpClient { BaseAddress = emulator.BaseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", ApiKey);
        return client;
    }

    public static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);
}
