using System.Net;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class CatalogTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    [Fact]
    public async Task Gpu_by_percent_encoded_id_returns_the_type_with_real_4090_prices()
    {
        var gpu = await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090");

        Assert.Equal(HttpStatusCode.OK, gpu.Status);
        Assert.Equal("RTX 4090", gpu.Json!["name"]!.GetValue<string>());
        Assert.Equal(0.44, gpu.Json!["price"]!["secure"]!.GetValue<double>());
        Assert.Equal(0.31, gpu.Json!["price"]!["community"]!.GetValue<double>());
        Assert.Null(gpu.Json!["availability"]);
    }

    [Theory]
    [InlineData("include=AVAILABILITY", HttpStatusCode.BadRequest)]
    [InlineData("product=POD", HttpStatusCode.BadRequest)]
    [InlineData("count=2", HttpStatusCode.BadRequest)]
    [InlineData("include=AVAILABILITY&product=POD&cudaVersions=12.8&minCudaVersion=12", HttpStatusCode.BadRequest)]
    [InlineData("include=AVAILABILITY&product=POD&countryCodes=usa", HttpStatusCode.UnprocessableEntity)]
    [InlineData("include=AVAILABILITY&product=POD&cudaVersions=12", HttpStatusCode.UnprocessableEntity)]
    [InlineData("include=AVAILABILITY&product=POD,BOGUS", HttpStatusCode.UnprocessableEntity)]
    [InlineData("include=AVAILABILITY&product=POD&count=zero", HttpStatusCode.UnprocessableEntity)]
    [InlineData("include=AVAILABILITY&product=POD,SERVERLESS&minCudaVersion=12&countryCodes=US,RO", HttpStatusCode.OK)]
    public async Task Gpu_query_rules(string query, HttpStatusCode expected)
    {
        var response = await ApiCall.Get(_client, "/v2/catalog/gpus?" + query);

        Assert.True(expected == response.Status, response.Body);
    }

    [Fact]
    public async Task Cpu_vcpuCount_needs_include_and_a_power_of_two()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiCall.Get(_client, "/v2/catalog/cpus?vcpuCount=4")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ApiCall.Get(_client, "/v2/catalog/cpus?include=AVAILABILITY&product=POD&vcpuCount=6")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(_client, "/v2/catalog/cpus?include=AVAILABILITY&product=POD&vcpuCount=4")).Status);
    }

    [Fact]
    public async Task Datacenter_filters_combine_with_and()
    {
        var response = await ApiCall.Get(_client, "/v2/catalog/datacenters?regions=EUROPE&globalNetwork=true");

        var ids = response.Json!["dataCenters"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("EU-RO-1", ids);
        Assert.DoesNotContain("US-TX-3", ids);
        Assert.DoesNotContain("EUR-IS-1", ids); // not on the global network
    }

    [Fact]
    public async Task Availability_reflects_stock_set_through_the_admin_api()
    {
        const string path = "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD";
        Assert.NotEqual("NONE", (await ApiCall.Get(_client, path)).Json!["availability"]!.GetValue<string>());

        await emulator.AdminPostAsync("/_emulator/capacity", """{"gpuTypeId":"NVIDIA GeForce RTX 4090","available":0}""");
        try
        {
            var gpu = (await ApiCall.Get(_client, path)).Json!;
            Assert.Equal("NONE", gpu["availability"]!.GetValue<string>());
            Assert.Null(gpu["dataCenters"]);
            var create = await ApiCall.Post(_client, "/v2/pods", PodLifecycleTests.Rtx4090Pod);
            Assert.Equal(HttpStatusCode.BadRequest, create.Status);
            Assert.Contains("no longer any instances available", create.Json!["detail"]!.GetValue<string>());
        }
        finally
        {
            await emulator.AdminPostAsync("/_emulator/capacity", """{"reset":true}""");
        }
    }
}
