using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>Every response shape checked against RunPod's OpenAPI contract (skipped visibly without shared/).</summary>
public sealed class ContractTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    [Fact]
    public async Task Pod_responses_match_Pod_and_ListPodsResponse()
    {
        OpenApiContract.RequireSpec();
        var created = await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod);
        OpenApiContract.AssertValid("Pod", created.Body);
        var id = created.Json!["id"]!.GetValue<string>();
        await ApiCall.Post(_client, "/v2/pods", """{"name":"cpu","image":"ubuntu","cpu":{"id":"cpu5c","vcpuCount":2}}""");

        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        OpenApiContract.AssertValid("Pod", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Body);
        OpenApiContract.AssertValid("ListPodsResponse", (await ApiCall.Get(_client, "/v2/pods")).Body);
        OpenApiContract.AssertValid("Pod", (await ApiCall.Patch(_client, $"/v2/pods/{id}", """{"name":"renamed","locked":false}""")).Body);
        OpenApiContract.AssertValid("Pod", (await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""")).Body);
    }

    [Theory]
    [InlineData("/v2/catalog/gpus", "ListGpuTypesResponse")]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&count=2", "ListGpuTypesResponse")]
    [InlineData("/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD", "GpuType")]
    [InlineData("/v2/catalog/cpus", "ListCpuTypesResponse")]
    [InlineData("/v2/catalog/cpus?include=AVAILABILITY&product=POD", "ListCpuTypesResponse")]
    [InlineData("/v2/catalog/cpus/cpu5c", "CpuType")]
    [InlineData("/v2/catalog/datacenters?include=GPU_AVAILABILITY,CPU_AVAILABILITY", "ListDataCentersResponse")]
    [InlineData("/v2/catalog/datacenters/US-KS-2", "DataCenter")]
    [InlineData("/v2/catalog/datacenters", "ListDataCentersResponse")]
    [InlineData("/v2/catalog/datacenters/US-TX-3?include=GPU_AVAILABILITY,CPU_AVAILABILITY", "DataCenter")]
    [InlineData("/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090", "GpuType")]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&cloud=COMMUNITY&countryCodes=US,RO&minCudaVersion=12", "ListGpuTypesResponse")]
    [InlineData("/v2/catalog/gpus/AMD%20Instinct%20MI300X%20OAM?include=AVAILABILITY&product=POD,SERVERLESS", "GpuType")]
    [InlineData("/v2/catalog/cpus/cpu5c?include=AVAILABILITY&product=SERVERLESS&vcpuCount=8", "CpuType")]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&countryCodes=usa", "ErrorResponse")]
    [InlineData("/v2/pods/nope", "ErrorResponse")]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY", "ErrorResponse")]
    public async Task Catalog_and_error_responses_match_their_schema(string path, string schema)
    {
        OpenApiContract.RequireSpec();

        OpenApiContract.AssertValid(schema, (await ApiCall.Get(_client, path)).Body);
    }

    [Fact]
    public async Task Validation_error_matches_ErrorResponse()
    {
        OpenApiContract.RequireSpec();

        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Post(_client, "/v2/pods", """{"bogus":true}""")).Body);
    }
}

public sealed class ContractHelperTests
{
    [Fact]
    public void Validator_rejects_an_object_missing_required_fields()
    {
        OpenApiContract.RequireSpec();

        Assert.NotEmpty(OpenApiContract.Validate("Pod", """{"id":"x"}"""));
        Assert.NotEmpty(OpenApiContract.Validate("ErrorResponse", """{"title":"t","status":"400","detail":"d"}"""));
    }
}
