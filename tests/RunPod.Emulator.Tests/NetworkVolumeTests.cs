using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class NetworkVolumeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    private async Task<JsonNode> Create(string json = """{"name":"data","size":50,"dataCenter":"EU-RO-1"}""")
    {
        var created = await ApiCall.Post(_client, "/v2/network-volumes", json);
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        return created.Json!;
    }

    [Fact]
    public async Task Create_defaults_the_type_to_the_data_centers_primary_tier()
    {
        var v = await Create();

        Assert.Matches("^[a-z0-9]{10}$", v["id"]!.GetValue<string>());
        Assert.Equal("STANDARD", v["type"]!.GetValue<string>());
        Assert.Equal("EU-RO-1", v["dataCenter"]!.GetValue<string>());
        Assert.Equal(50, v["size"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"name":"d","size":9,"dataCenter":"EU-RO-1"}""", "$.size: must be >= 10")]
    [InlineData("""{"name":"d","size":4097,"dataCenter":"EU-RO-1"}""", "$.size: must be <= 4096")]
    [InlineData("""{"name":"d","size":10.5,"dataCenter":"EU-RO-1"}""", "$.size: expected integer")]
    [InlineData("""{"name":"d","size":10}""", "missing properties: 'dataCenter'")]
    [InlineData("""{"name":"d","size":10,"dataCenter":"EU-RO-1","type":"FAST"}""", "$.type")]
    [InlineData("""{"name":"d","size":10,"dataCenterId":"EU-RO-1"}""", "additional properties 'dataCenterId'")]
    public async Task Schema_violations_are_422(string body, string error)
    {
        var response = await ApiCall.Post(_client, "/v2/network-volumes", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains(error, response.Body);
    }

    [Theory]
    [InlineData("""{"name":"d","size":10,"dataCenter":"XX-NO-1"}""", "unknown data center")]
    [InlineData("""{"name":"d","size":10,"dataCenter":"EU-RO-1","type":"HIGH_PERFORMANCE"}""", "does not offer HIGH_PERFORMANCE")]
    public async Task Data_center_rules_are_400(string body, string detail)
    {
        var response = await ApiCall.Post(_client, "/v2/network-volumes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(detail, response.Body);
    }

    [Fact]
    public async Task High_performance_where_offered()
    {
        var v = await Create("""{"name":"fast","size":100,"dataCenter":"US-KS-2","type":"HIGH_PERFORMANCE"}""");

        Assert.Equal("HIGH_PERFORMANCE", v["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Size_only_grows_and_data_center_and_type_are_immutable()
    {
        var id = (await Create())["id"]!.GetValue<string>();

        var grown = await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"size":80,"name":"bigger"}""");
        Assert.Equal(HttpStatusCode.OK, grown.Status);
        Assert.Equal(80, grown.Json!["size"]!.GetValue<int>());
        Assert.Equal("bigger", grown.Json["name"]!.GetValue<string>());

        var shrink = await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"size":60}""");
        Assert.Equal(HttpStatusCode.BadRequest, shrink.Status);
        Assert.Contains("cannot be decreased", shrink.Body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"dataCenter":"US-KS-2"}""")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"type":"STANDARD"}""")).Status);
        var empty = await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", "{}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.Status);
        Assert.Contains("minimum 1 properties", empty.Body);
    }

    [Fact]
    public async Task Delete_then_404_and_other_accounts_cannot_see_it()
    {
        var id = (await Create())["id"]!.GetValue<string>();
        var other = emulator.Client(EmulatorFixture.NewApiKey());
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(other, $"/v2/network-volumes/{id}")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_client, $"/v2/network-volumes/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_client, $"/v2/network-volumes/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(_client, $"/v2/network-volumes/{id}")).Status);
    }

    [Fact]
    public async Task Pod_with_a_network_volume_runs_in_its_data_center()
    {
        var id = (await Create())["id"]!.GetValue<string>();

        var pod = await ApiCall.Post(_client, "/v2/pods",
            $$$"""{"name":"p","image":"x","gpu":{"id":"NVIDIA GeForce RTX 4090"},"mounts":{"network":[{"volumeId":"{{{id}}}","path":"/data"}]}}""");

        Assert.True(pod.Status == HttpStatusCode.Created, pod.Body);
        Assert.Equal("EU-RO-1", pod.Json!["dataCenterId"]!.GetValue<string>());
        Assert.Equal(id, pod.Json["mounts"]!["network"]![0]!["volumeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pod_asking_for_another_data_center_than_its_volume_is_400()
    {
        var id = (await Create())["id"]!.GetValue<string>();

        var pod = await ApiCall.Post(_client, "/v2/pods",
            $$$"""{"name":"p","image":"x","gpu":{"id":"NVIDIA GeForce RTX 4090"},"dataCenterIds":["US-TX-3"],"mounts":{"network":[{"volumeId":"{{{id}}}","path":"/data"}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, pod.Status);
        Assert.Contains("is in EU-RO-1", pod.Body);
    }

    [Fact]
    public async Task Pod_with_an_unknown_volume_is_404()
    {
        var pod = await ApiCall.Post(_client, "/v2/pods",
            """{"name":"p","image":"x","gpu":{"id":"NVIDIA GeForce RTX 4090"},"mounts":{"network":[{"volumeId":"nosuchvol0","path":"/data"}]}}""");

        Assert.Equal(HttpStatusCode.NotFound, pod.Status);
    }
}
