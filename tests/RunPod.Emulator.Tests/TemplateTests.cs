using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class TemplateTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Minimal = """{"name":"mine","image":"me/app:1"}""";
    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    private async Task<JsonNode> Create(string json = Minimal)
    {
        var created = await ApiCall.Post(_client, "/v2/templates", json);
        Assert.True(created.Status == HttpStatusCode.Created, created.Body);
        return created.Json!;
    }

    [Fact]
    public async Task Create_fills_the_documented_defaults_and_a_10_char_id()
    {
        var t = await Create();

        Assert.Matches("^[a-z0-9]{10}$", t["id"]!.GetValue<string>());
        Assert.Equal("NVIDIA", t["category"]!.GetValue<string>());
        Assert.False(t["public"]!.GetValue<bool>());
        Assert.False(t["serverless"]!.GetValue<bool>());
        Assert.True(t["startSsh"]!.GetValue<bool>());
        Assert.True(t["startJupyter"]!.GetValue<bool>());
        Assert.Empty(t["allowedCudaVersions"]!.AsArray());
        Assert.Empty(t["mounts"]!.AsObject());
        Assert.Null(t["registry"]);
        Assert.Equal("", t["args"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"image":"x"}""", "missing properties: 'name'")]
    [InlineData("""{"name":"x"}""", "missing properties: 'image'")]
    [InlineData("""{"name":"","image":"x"}""", "$.name: length must be >= 1")]
    [InlineData("""{"name":"x","image":"x","category":"TPU"}""", "$.category")]
    [InlineData("""{"name":"x","image":"x","allowedCudaVersions":["12"]}""", "$.allowedCudaVersions[0]")]
    [InlineData("""{"name":"x","image":"x","mounts":{"network":[]}}""", "additional properties 'network'")]
    [InlineData("""{"name":"x","image":"x","readme":"hi"}""", "additional properties 'readme'")]
    public async Task Schema_violations_are_422(string body, string error)
    {
        var response = await ApiCall.Post(_client, "/v2/templates", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains(error, response.Body);
    }

    [Fact]
    public async Task List_shows_only_own_templates_and_get_also_reads_public_ones()
    {
        var mine = await Create();
        var other = emulator.Client(EmulatorFixture.NewApiKey());
        await ApiCall.Post(other, "/v2/templates", """{"name":"theirs","image":"x"}""");

        var list = (await ApiCall.Get(_client, "/v2/templates")).Json!["templates"]!.AsArray();
        Assert.Equal([mine["id"]!.GetValue<string>()], list.Select(t => t!["id"]!.GetValue<string>()));

        var official = await ApiCall.Get(_client, "/v2/templates/30zmvf89kd");
        Assert.Equal(HttpStatusCode.OK, official.Status);
        Assert.True(official.Json!["public"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Public_templates_cannot_be_patched_or_deleted_and_other_accounts_private_ones_are_invisible()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Patch(_client, "/v2/templates/30zmvf89kd", """{"name":"x"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(_client, "/v2/templates/30zmvf89kd")).Status);

        var other = emulator.Client(EmulatorFixture.NewApiKey());
        var theirs = (await ApiCall.Post(other, "/v2/templates", """{"name":"secret","image":"x"}""")).Json!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_client, $"/v2/templates/{theirs}")).Status);
    }

    [Fact]
    public async Task Catalog_serves_each_source_and_shared_templates_in_community_without_registry()
    {
        var other = emulator.Client(EmulatorFixture.NewApiKey());
        var shared = (await ApiCall.Post(other, "/v2/templates", """{"name":"shared","image":"x","public":true,"registry":"creg"}""")).Json!["id"]!.GetValue<string>();

        var official = (await ApiCall.Get(_client, "/v2/catalog/templates")).Json!["templates"]!.AsArray();
        var verified = (await ApiCall.Get(_client, "/v2/catalog/templates?source=verified")).Json!["templates"]!.AsArray();
        var community = (await ApiCall.Get(_client, "/v2/catalog/templates?source=community")).Json!["templates"]!.AsArray();

        Assert.Contains(official, t => t!["id"]!.GetValue<string>() == "30zmvf89kd");
        Assert.DoesNotContain(verified, t => t!["id"]!.GetValue<string>() == "30zmvf89kd");
        Assert.NotEmpty(verified);
        var mine = community.Single(t => t!["id"]!.GetValue<string>() == shared)!;
        Assert.Null(mine["registry"]);
        Assert.True(community.Count <= 100);
        Assert.Null((await ApiCall.Get(_client, $"/v2/templates/{shared}")).Json!["registry"]);
    }

    [Fact]
    public async Task Bad_catalog_source_is_422()
    {
        var response = await ApiCall.Get(_client, "/v2/catalog/templates?source=popular");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("query.source", response.Body);
    }

    [Fact]
    public async Task Patch_changes_only_given_fields_clears_cuda_with_empty_list_and_keeps_mounts_on_empty_object()
    {
        var t = await Create("""{"name":"a","image":"x","allowedCudaVersions":["12.8"],"mounts":{"persistent":{"size":20,"path":"/w"}},"env":{"A":"1"}}""");
        var id = t["id"]!.GetValue<string>();

        var patched = await ApiCall.Patch(_client, $"/v2/templates/{id}", """{"name":"b","allowedCudaVersions":[],"mounts":{}}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("b", patched.Json!["name"]!.GetValue<string>());
        Assert.Empty(patched.Json["allowedCudaVersions"]!.AsArray());
        Assert.Equal(20, patched.Json["mounts"]!["persistent"]!["size"]!.GetValue<int>());
        Assert.Equal("1", patched.Json["env"]!["A"]!.GetValue<string>());
        Assert.Equal("x", patched.Json["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pod_from_template_takes_its_settings_body_overrides_and_env_merges_per_key()
    {
        var t = await Create("""{"name":"t","image":"tpl/img:1","ports":["8888/http"],"env":{"A":"tpl","B":"tpl"},"disk":33}""");
        var id = t["id"]!.GetValue<string>();

        var pod = await ApiCall.Post(_client, "/v2/pods",
            $$"""{"name":"p","templateId":"{{id}}","gpu":{"id":"NVIDIA GeForce RTX 4090"},"env":{"B":"body"},"disk":40}""");

        Assert.True(pod.Status == HttpStatusCode.Created, pod.Body);
        Assert.Equal("tpl/img:1", pod.Json!["image"]!.GetValue<string>());
        Assert.Equal("tpl", pod.Json["env"]!["A"]!.GetValue<string>());
        Assert.Equal("body", pod.Json["env"]!["B"]!.GetValue<string>());
        Assert.Equal(40, pod.Json["disk"]!.GetValue<int>());
        Assert.Equal(["8888/http"], pod.Json["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Null(pod.Json["template"]); // one-time source: the pod keeps no visible link

        // Changing the template later does not change the pod.
        await ApiCall.Patch(_client, $"/v2/templates/{id}", """{"image":"tpl/img:2"}""");
        var again = await ApiCall.Get(_client, $"/v2/pods/{pod.Json["id"]}");
        Assert.Equal("tpl/img:1", again.Json!["image"]!.GetValue<string>());
    }

    // The public templates are built in code (int JsonValues), not parsed: reading their numbers
    // must not throw (it once answered 500 NodeUnableToConvert Int32 → Double).
    [Theory]
    [InlineData("30zmvf89kd", "\"gpu\":{\"id\":\"NVIDIA GeForce RTX 4090\"}")]
    [InlineData("tf2x9k3m1q", "\"gpu\":{\"id\":\"NVIDIA GeForce RTX 4090\"}")]
    [InlineData("cmfyui7w2e", "\"gpu\":{\"id\":\"NVIDIA GeForce RTX 4090\"}")]
    [InlineData("runpodubun", "\"cpu\":{\"id\":\"cpu3c\",\"vcpuCount\":4}")]
    public async Task Pod_from_every_public_pod_template_is_created(string templateId, string compute)
    {
        var pod = await ApiCall.Post(_client, "/v2/pods", $$$"""{"name":"p","templateId":"{{{templateId}}}",{{{compute}}}}""");

        Assert.True(pod.Status == HttpStatusCode.Created, pod.Body);
        var template = (await ApiCall.Get(_client, $"/v2/templates/{templateId}")).Json!;
        Assert.Equal(template["image"]!.GetValue<string>(), pod.Json!["image"]!.GetValue<string>());
        Assert.Equal(template["disk"]!.GetValue<int>(), pod.Json["disk"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pod_from_the_public_serverless_template_is_422()
    {
        var pod = await ApiCall.Post(_client, "/v2/pods", """{"name":"p","templateId":"vllmwkr8s4","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, pod.Status);
        Assert.Contains("serverless template", pod.Body);
    }

    [Fact]
    public async Task Pod_with_unknown_template_is_404()
    {
        var pod = await ApiCall.Post(_client, "/v2/pods", """{"name":"p","templateId":"nosuchtpl0","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""");

        Assert.Equal(HttpStatusCode.NotFound, pod.Status);
    }

    [Fact]
    public async Task Template_in_use_by_a_pod_cannot_be_deleted_until_the_pod_is_gone()
    {
        var id = (await Create())["id"]!.GetValue<string>();
        var podId = (await ApiCall.Post(_client, "/v2/pods", $$$"""{"name":"p","templateId":"{{{id}}}","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""")).Json!["id"]!.GetValue<string>();

        var refused = await ApiCall.Delete(_client, $"/v2/templates/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains($"pod {podId}", refused.Body);
        Assert.Equal("application/problem+json", refused.ContentType);

        await ApiCall.Delete(_client, $"/v2/pods/{podId}");
        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_client, $"/v2/templates/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_client, $"/v2/templates/{id}")).Status);
    }

    [Fact]
    public async Task Wrong_method_is_405_with_allow()
    {
        var response = await ApiCall.Send(_client, HttpMethod.Put, "/v2/templates/abc", "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Contains("PATCH", response.Allow);
    }
}
