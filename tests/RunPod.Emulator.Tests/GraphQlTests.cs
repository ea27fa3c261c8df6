using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class GraphQlTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly string _key = EmulatorFixture.NewApiKey();

    private Task<ApiCall> Query(string query, JsonObject? variables = null, string? key = "<default>")
    {
        var client = emulator.Client(key == "<default>" ? _key : key);
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }
        return ApiCall.Post(client, "/graphql", body.ToJsonString());
    }

    [Fact]
    public async Task Inline_literal_create_round_trips_quotes_and_braces_and_is_visible_over_rest()
    {
        var response = await Query("""
            mutation { podFindAndDeployOnDemand(input: { name: "say \"hi\" }", imageName: "runpod/base", gpuTypeId: "NVIDIA GeForce RTX 4090",
              cloudType: SECURE, gpuCount: 1, containerDiskInGb: 10, minVcpuCount: 4, minMemoryInGb: 16, ports: "8888/http,22/tcp",
              env: [{ key: "A", value: "x}y\"z" }] }) { id imageName env machine { podHostId } } }
            """);

        Assert.True(HttpStatusCode.OK == response.Status, response.Body);
        var pod = response.Json!["data"]!["podFindAndDeployOnDemand"]!;
        Assert.Equal("A=x}y\"z", pod["env"]!.AsArray().Single()!.GetValue<string>());
        Assert.Null(pod["name"]); // not selected
        var rest = await ApiCall.Get(emulator.Client(_key), $"/v2/pods/{pod["id"]}");
        Assert.Equal("say \"hi\" }", rest.Json!["name"]!.GetValue<string>());
        Assert.Equal("x}y\"z", rest.Json!["env"]!["A"]!.GetValue<string>());
    }

    [Fact]
    public async Task Variables_create_a_spot_pod_billed_at_the_bid_and_stop_and_resume_it()
    {
        var created = await Query(
            "mutation Rent($input: PodRentInterruptableInput!) { podRentInterruptable(input: $input) { id podType costPerHr } }",
            new JsonObject { ["input"] = new JsonObject { ["name"] = "spot", ["imageName"] = "img", ["gpuTypeId"] = "NVIDIA GeForce RTX 4090", ["gpuCount"] = 2, ["bidPerGpu"] = 0.2, ["cloudType"] = "SECURE" } });
        var pod = created.Json!["data"]!["podRentInterruptable"]!;
        Assert.Equal("INTERRUPTABLE", pod["podType"]!.GetValue<string>());
        Assert.Equal(0.4, pod["costPerHr"]!.GetValue<double>());
        var id = pod["id"]!.GetValue<string>();

        var stopped = await Query("mutation($id: String!) { podStop(input: {podId: $id}) { id desiredStatus } }", new JsonObject { ["id"] = id });
        Assert.Equal("EXITED", stopped.Json!["data"]!["podStop"]!["desiredStatus"]!.GetValue<string>());
        var resumed = await Query($$"""mutation { podBidResume(input: {podId: "{{id}}", bidPerGpu: 0.3, gpuCount: 2}) { id desiredStatus } }""");
        Assert.Equal("RUNNING", resumed.Json!["data"]!["podBidResume"]!["desiredStatus"]!.GetValue<string>());

        var mine = await Query("query { myself { pods { id desiredStatus } } }");
        Assert.Contains(id, mine.Body);
    }

    [Fact]
    public async Task Business_error_is_http_200_with_runpod_code_and_null_data()
    {
        var response = await Query("""mutation { podFindAndDeployOnDemand(input: {name: "x", imageName: "i", gpuTypeId: "NVIDIA GeForce RTX 4090", minVcpuCount: 512}) { id } }""");

        Assert.True(HttpStatusCode.OK == response.Status, response.Body);
        var error = response.Json!["errors"]![0]!;
        Assert.Equal("There are no longer any instances available with the requested specifications. Please refresh and try again.", error["message"]!.GetValue<string>());
        Assert.Equal("""["podFindAndDeployOnDemand"]""", error["path"]!.ToJsonString());
        Assert.Equal("RUNPOD", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("""{"podFindAndDeployOnDemand":null}""", response.Json!["data"]!.ToJsonString());
    }

    [Theory]
    [InlineData("query { myself { id ")]
    [InlineData("query { nonsense }")]
    [InlineData("query Q($id: String!) { pod(input: {podId: $id}) { id } }")]
    public async Task Malformed_query_or_missing_variable_is_400_with_errors(string query)
    {
        var response = await Query(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.Json!["errors"]!.AsArray());
    }

    [Fact]
    public async Task No_key_gives_null_myself_but_anonymous_gpuTypes_work_and_bad_key_is_401()
    {
        var anonymous = await Query("query { myself { id } gpuTypes { id displayName memoryInGb } }", key: null);
        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.Null(anonymous.Json!["data"]!["myself"]);
        Assert.Contains("NVIDIA GeForce RTX 4090", anonymous.Body);

        var bad = await Query("query { myself { id } }", key: "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.Status);
    }

    [Fact]
    public async Task Api_key_query_parameter_authenticates()
    {
        using var client = emulator.Client();

        var response = await ApiCall.Post(client, $"/graphql?api_key={_key}", """{"query":"query { myself { id pods { id } } }"}""");

        Assert.NotNull(response.Json!["data"]!["myself"]);
    }
}
