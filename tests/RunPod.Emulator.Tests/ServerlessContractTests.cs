using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>The serverless control-plane responses checked against RunPod's OpenAPI contract.</summary>
public sealed class ServerlessContractTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ServerlessApi _api = new(emulator);

    [Fact]
    public async Task Endpoint_responses_match_Endpoint_ListEndpointsResponse_and_ListEndpointWorkersResponse()
    {
        OpenApiContract.RequireSpec();
        var created = await ApiCall.Post(_api.Client, "/v2/serverless", ServerlessApi.QueueEndpoint.Replace("\"gpu\"", "\"workers\":{\"min\":1,\"max\":2},\"gpu\"", StringComparison.Ordinal));
        OpenApiContract.AssertValid("Endpoint", created.Body);
        var id = created.Json!["id"]!.GetValue<string>();
        OpenApiContract.AssertValid("Endpoint", (await ApiCall.Post(_api.Client, "/v2/serverless",
            """{"name":"c","type":"QUEUE","image":"i","scaling":{"type":"REQUEST_COUNT","requestCount":3},"cpu":[{"id":"cpu3c","vcpuCount":4}],"flashboot":"FLASHBOOT","dataCenterIds":["US-TX-3"]}""")).Body);
        OpenApiContract.AssertValid("Endpoint", (await ApiCall.Post(_api.Client, "/v2/serverless",
            """{"name":"lb","type":"LOAD_BALANCER","image":"i","scaling":{"type":"REQUEST_COUNT","requestCount":1},"gpu":{"pools":["AMPERE_80"],"count":2,"minCudaVersion":"12.4"}}""")).Body);

        OpenApiContract.AssertValid("Endpoint", (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}")).Body);
        OpenApiContract.AssertValid("ListEndpointsResponse", (await ApiCall.Get(_api.Client, "/v2/serverless")).Body);
        OpenApiContract.AssertValid("Endpoint", (await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"workers":{"min":0},"scaling":{"type":"QUEUE_DELAY","queueDelay":2}}""")).Body);
        OpenApiContract.AssertValid("ListEndpointWorkersResponse", (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}/workers")).Body);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        OpenApiContract.AssertValid("ListEndpointWorkersResponse", (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}/workers")).Body);
    }

    [Fact]
    public async Task Endpoint_errors_match_ErrorResponse()
    {
        OpenApiContract.RequireSpec();
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Get(_api.Client, "/v2/serverless/nope")).Body);
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Post(_api.Client, "/v2/serverless", """{"bogus":true}""")).Body);
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Post(_api.Client, "/v2/serverless",
            """{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4}}""")).Body);
    }
}
