using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>Every v2 route of templates, network volumes, registries and SSH keys against the contract.</summary>
public sealed class AccountContractTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    [Fact]
    public async Task Template_routes_match_the_contract()
    {
        OpenApiContract.RequireSpec();
        var created = await ApiCall.Post(_client, "/v2/templates",
            """{"name":"t","image":"x","env":{"A":"1"},"ports":["8888/http"],"mounts":{"persistent":{"size":20,"path":"/workspace"}},"allowedCudaVersions":["12.8"]}""");
        OpenApiContract.AssertValid("Template", created.Body);
        var id = created.Json!["id"]!.GetValue<string>();

        OpenApiContract.AssertValid("Template", (await ApiCall.Get(_client, $"/v2/templates/{id}")).Body);
        OpenApiContract.AssertValid("Template", (await ApiCall.Get(_client, "/v2/templates/30zmvf89kd")).Body);
        OpenApiContract.AssertValid("Template", (await ApiCall.Patch(_client, $"/v2/templates/{id}", """{"name":"u"}""")).Body);
        OpenApiContract.AssertValid("ListTemplatesResponse", (await ApiCall.Get(_client, "/v2/templates")).Body);
        foreach (var source in new[] { "official", "verified", "community" })
        {
            OpenApiContract.AssertValid("ListTemplatesResponse", (await ApiCall.Get(_client, $"/v2/catalog/templates?source={source}")).Body);
        }
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Post(_client, "/v2/templates", "{}")).Body);
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Patch(_client, "/v2/templates/30zmvf89kd", """{"name":"x"}""")).Body);
        Assert.Equal("", (await ApiCall.Delete(_client, $"/v2/templates/{id}")).Body);
    }

    [Fact]
    public async Task Network_volume_routes_match_the_contract()
    {
        OpenApiContract.RequireSpec();
        var created = await ApiCall.Post(_client, "/v2/network-volumes", """{"name":"v","size":10,"dataCenter":"US-KS-2"}""");
        OpenApiContract.AssertValid("NetworkVolume", created.Body);
        var id = created.Json!["id"]!.GetValue<string>();

        OpenApiContract.AssertValid("NetworkVolume", (await ApiCall.Get(_client, $"/v2/network-volumes/{id}")).Body);
        OpenApiContract.AssertValid("NetworkVolume", (await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"size":20}""")).Body);
        OpenApiContract.AssertValid("ListNetworkVolumesResponse", (await ApiCall.Get(_client, "/v2/network-volumes")).Body);
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Patch(_client, $"/v2/network-volumes/{id}", """{"size":10}""")).Body);
        Assert.Equal("", (await ApiCall.Delete(_client, $"/v2/network-volumes/{id}")).Body);
    }

    [Fact]
    public async Task Registry_and_delegation_routes_match_the_contract()
    {
        OpenApiContract.RequireSpec();
        var created = await ApiCall.Post(_client, "/v2/registries", """{"name":"r","username":"u","password":"p"}""");
        OpenApiContract.AssertValid("Registry", created.Body);
        var id = created.Json!["id"]!.GetValue<string>();

        OpenApiContract.AssertValid("Registry", (await ApiCall.Get(_client, $"/v2/registries/{id}")).Body);
        OpenApiContract.AssertValid("ListRegistriesResponse", (await ApiCall.Get(_client, "/v2/registries")).Body);
        var delegation = await ApiCall.Post(_client, "/v2/registries/delegations", """{"resource":"arn:aws:ecr:us-east-2:418399314813:repository/runpod/deployment"}""");
        OpenApiContract.AssertValid("EcrDelegation", delegation.Body);
        OpenApiContract.AssertValid("ListDelegationsResponse", (await ApiCall.Get(_client, "/v2/registries/delegations")).Body);
        Assert.Equal("", (await ApiCall.Delete(_client, $"/v2/registries/delegations/{delegation.Json!["id"]}")).Body);
        Assert.Equal("", (await ApiCall.Delete(_client, $"/v2/registries/{id}")).Body);
    }

    [Fact]
    public async Task Ssh_key_routes_match_the_contract()
    {
        OpenApiContract.RequireSpec();
        var put = await ApiCall.Send(_client, HttpMethod.Put, "/v2/account/ssh-keys",
            new JsonObject { ["keys"] = new JsonArray("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILXGDN me@example.com") }.ToJsonString());
        OpenApiContract.AssertValid("SshKeys", put.Body);
        OpenApiContract.AssertValid("SshKeys", (await ApiCall.Get(_client, "/v2/account/ssh-keys")).Body);
        OpenApiContract.AssertValid("ErrorResponse", (await ApiCall.Send(_client, HttpMethod.Put, "/v2/account/ssh-keys", """{"keys":["nope"]}""")).Body);
    }
}
