using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>
/// The catalog's query rules beyond the basics in <see cref="CatalogTests"/>: scalar vs array
/// parameters, data-center filter families, CPU availability and the data-center includes.
/// Stock changes are undone after each test (the class shares one emulator).
/// </summary>
public sealed class CatalogFilterTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Rtx4090 = "NVIDIA GeForce RTX 4090";
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await emulator.AdminPostAsync("/_emulator/capacity", """{"reset":true}""");

    [Theory]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&cloud=SECURE,COMMUNITY", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&cloud=secure", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY,AVAILABILITY&product=POD", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=PRICES&product=POD", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&minCudaVersion=12.x", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&minCudaVersion=12,13", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&countryCodes=US,fr", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?include=AVAILABILITY&product=POD&count=0", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/gpus?cloud=SECURE", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus?countryCodes=US", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus?cudaVersions=12.8", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus?minCudaVersion=12", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus/NVIDIA%20L4?include=AVAILABILITY", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus/NVIDIA%20L4?product=POD", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/gpus/NVIDIA%20L5", HttpStatusCode.NotFound)]
    [InlineData("/v2/catalog/cpus?include=AVAILABILITY", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/cpus?product=POD", HttpStatusCode.BadRequest)]
    [InlineData("/v2/catalog/cpus?include=AVAILABILITY&product=CLUSTER", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/cpus?include=AVAILABILITY&product=POD&vcpuCount=1", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/cpus?include=AVAILABILITY&product=POD&vcpuCount=four", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/cpus/cpu9z", HttpStatusCode.NotFound)]
    [InlineData("/v2/catalog/datacenters?regions=europe", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/datacenters?networkVolumeTypes=FAST", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/datacenters?compliance=SOC2", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/datacenters?globalNetwork=yes", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/datacenters?include=AVAILABILITY", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/v2/catalog/datacenters/US-XX-9", HttpStatusCode.NotFound)]
    [InlineData("/v2/catalog/datacenters?regions=EUROPE,OCEANIA&networkVolumeTypes=STANDARD&compliance=&globalNetwork=false", HttpStatusCode.OK)]
    public async Task Malformed_values_are_422_and_bad_combinations_400(string path, HttpStatusCode expected)
    {
        var response = await ApiCall.Get(_client, path);

        Assert.True(expected == response.Status, $"{path}: {(int)response.Status} {response.Body}");
    }

    [Fact]
    public async Task Regions_are_or_and_volume_types_and_compliance_are_and()
    {
        Assert.Equal(["OC-AU-1"], await DataCenterIds("regions=OCEANIA"));
        var europeOrOceania = await DataCenterIds("regions=EUROPE,OCEANIA");
        Assert.Contains("OC-AU-1", europeOrOceania);
        Assert.Contains("EU-RO-1", europeOrOceania);
        Assert.DoesNotContain("US-TX-3", europeOrOceania);

        Assert.Equal(["US-KS-2"], await DataCenterIds("networkVolumeTypes=STANDARD,HIGH_PERFORMANCE"));
        Assert.Contains("US-TX-3", await DataCenterIds("networkVolumeTypes=STANDARD"));

        Assert.Equal(["US-KS-2"], await DataCenterIds("compliance=SOC_2_TYPE_2,ISO_IEC_27001"));
        Assert.Empty(await DataCenterIds("compliance=SOC_2_TYPE_2,GDPR"));
        Assert.Empty(await DataCenterIds("compliance=SOC_2_TYPE_2&regions=EUROPE"));
    }

    [Fact]
    public async Task GlobalNetwork_false_keeps_only_data_centers_without_it()
    {
        var without = await DataCenterIds("globalNetwork=false");

        Assert.Contains("EUR-IS-1", without);
        Assert.DoesNotContain("US-KS-2", without);
        Assert.DoesNotContain("US-KS-2", without.Intersect(await DataCenterIds("globalNetwork=true")));
    }

    [Fact]
    public async Task Datacenter_availability_arrays_appear_only_when_included_and_follow_stock()
    {
        var plain = (await ApiCall.Get(_client, "/v2/catalog/datacenters/US-TX-3")).Json!;
        Assert.Null(plain["gpuAvailability"]);
        Assert.Null(plain["cpuAvailability"]);

        var gpusOnly = (await ApiCall.Get(_client, "/v2/catalog/datacenters/US-TX-3?include=GPU_AVAILABILITY")).Json!;
        Assert.Equal("HIGH", Level(gpusOnly["gpuAvailability"], Rtx4090));
        Assert.Null(gpusOnly["cpuAvailability"]);

        var both = (await ApiCall.Get(_client, "/v2/catalog/datacenters/US-TX-3?include=GPU_AVAILABILITY,CPU_AVAILABILITY")).Json!;
        Assert.NotNull(Level(both["cpuAvailability"], "cpu5c"));

        await emulator.AdminPostAsync("/_emulator/capacity", $$"""{"gpuTypeId":"{{Rtx4090}}","dataCenterId":"US-TX-3","available":1}""");
        var scarce = (await ApiCall.Get(_client, "/v2/catalog/datacenters/US-TX-3?include=GPU_AVAILABILITY")).Json!;
        Assert.Equal("LOW", Level(scarce["gpuAvailability"], Rtx4090));
    }

    [Fact]
    public async Task Cpu_availability_follows_stock_and_the_vcpu_count()
    {
        const string path = "/v2/catalog/cpus/cpu5c?include=AVAILABILITY&product=POD";
        var cpu = (await ApiCall.Get(_client, path)).Json!;
        Assert.Equal("HIGH", cpu["availability"]!.GetValue<string>());
        Assert.NotEmpty(cpu["dataCenters"]!.AsArray());
        Assert.Null((await ApiCall.Get(_client, "/v2/catalog/cpus/cpu5c")).Json!["availability"]);

        // More vCPUs than the flavor's largest machine: nowhere.
        var tooBig = (await ApiCall.Get(_client, "/v2/catalog/cpus/cpu5c?include=AVAILABILITY&product=POD&vcpuCount=64")).Json!;
        Assert.Equal("NONE", tooBig["availability"]!.GetValue<string>());
        Assert.Null(tooBig["dataCenters"]);

        await emulator.AdminPostAsync("/_emulator/capacity", """{"cpuTypeId":"cpu5c","available":0}""");
        var none = (await ApiCall.Get(_client, path)).Json!;
        Assert.Equal("NONE", none["availability"]!.GetValue<string>());
        Assert.Null(none["dataCenters"]);
    }

    [Fact]
    public async Task Gpu_cloud_count_and_country_scope_availability()
    {
        // A100 SXM is secure-only; RTX 4090 machines in COMMUNITY hold at most 4.
        var sxm = (await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20A100-SXM4-80GB?include=AVAILABILITY&product=POD&cloud=COMMUNITY")).Json!;
        Assert.Equal("NONE", sxm["availability"]!.GetValue<string>());
        var eight = (await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD&cloud=COMMUNITY&count=8")).Json!;
        Assert.Equal("NONE", eight["availability"]!.GetValue<string>());

        // countryCodes: the list drops GPUs with no DC there, the single GPU stays with NONE.
        var inRomania = (await ApiCall.Get(_client, "/v2/catalog/gpus?include=AVAILABILITY&product=POD&countryCodes=RO")).Json!["gpus"]!.AsArray();
        Assert.Contains(inRomania, g => g!["id"]!.GetValue<string>() == Rtx4090);
        Assert.All(inRomania, g => Assert.All(g!["dataCenters"]?.AsArray() ?? [], dc => Assert.Equal("EU-RO-1", dc!["id"]!.GetValue<string>())));
        var nowhere = (await ApiCall.Get(_client, "/v2/catalog/gpus?include=AVAILABILITY&product=POD&countryCodes=ZZ")).Json!["gpus"]!.AsArray();
        Assert.Empty(nowhere);
        var single = (await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD&countryCodes=ZZ")).Json!;
        Assert.Equal("NONE", single["availability"]!.GetValue<string>());
        Assert.Null(single["dataCenters"]);
    }

    [Fact]
    public async Task Cuda_filters_narrow_the_cuda_versions_array()
    {
        var exact = (await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD&cudaVersions=12.8")).Json!;
        Assert.All(exact["cudaVersions"]?.AsArray() ?? [], v => Assert.Equal("12.8", v!["version"]!.GetValue<string>()));
        var floor = (await ApiCall.Get(_client, "/v2/catalog/gpus/NVIDIA%20GeForce%20RTX%204090?include=AVAILABILITY&product=POD&minCudaVersion=13")).Json!;
        Assert.Equal("NONE", floor["availability"]!.GetValue<string>()); // Ada hosts report 12.x only
    }

    private async Task<List<string>> DataCenterIds(string query)
    {
        var response = await ApiCall.Get(_client, "/v2/catalog/datacenters?" + query);
        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        return [.. response.Json!["dataCenters"]!.AsArray().Select(d => d!["id"]!.GetValue<string>())];
    }

    private static string? Level(JsonNode? list, string id) =>
        list?.AsArray().FirstOrDefault(e => e!["id"]!.GetValue<string>() == id)?["availability"]?.GetValue<string>();
}
