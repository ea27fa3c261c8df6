using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>REST v2 `/v2/serverless`: defaults, validation (422/400), PATCH semantics, deletion, workers listing.</summary>
public sealed class ServerlessEndpointTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ServerlessApi _api = new(emulator);

    [Fact]
    public async Task Create_fills_RunPods_v2_defaults_and_request_urls_on_the_emulators_origin()
    {
        var created = await ApiCall.Post(_api.Client, "/v2/serverless", ServerlessApi.QueueEndpoint);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var e = created.Json!;
        var id = e["id"]!.GetValue<string>();
        Assert.Matches("^[a-z0-9]{14}$", id);
        Assert.Equal(300000, e["timeout"]!.GetValue<int>());
        Assert.Equal("OFF", e["flashboot"]!.GetValue<string>());
        Assert.Equal("""{"min":0,"max":3,"idleTimeout":10}""", e["workers"]!.ToJsonString());
        Assert.Equal("""{"pools":["ADA_24"],"count":1,"allowedCudaVersions":[],"minCudaVersion":null}""", e["gpu"]!.ToJsonString());
        Assert.Equal("[]", e["dataCenterIds"]!.ToJsonString());
        Assert.Equal("[]", e["networkVolumes"]!.ToJsonString());
        var origin = emulator.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal($"{origin}/v2/{id}/run", e["requestUrls"]!["run"]!.GetValue<string>());
        Assert.Equal($"{origin}/v2/{id}/status/{{job_id}}", e["requestUrls"]!["status"]!.GetValue<string>());
        Assert.Equal($"{origin}/v2/{id}/purge-queue", e["requestUrls"]!["purgeQueue"]!.GetValue<string>());

        var listed = await ApiCall.Get(_api.Client, "/v2/serverless");
        Assert.Equal(id, Assert.Single(listed.Json!["endpoints"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(e.ToJsonString(), (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}")).Json!.ToJsonString());
    }

    [Fact]
    public async Task Request_count_scaling_on_a_queue_endpoint_has_no_idle_timeout_and_rejects_one()
    {
        var body = ServerlessApi.QueueEndpoint.Replace("""{"type":"QUEUE_DELAY","queueDelay":4}""", """{"type":"REQUEST_COUNT","requestCount":2}""", StringComparison.Ordinal);
        var id = await _api.CreateEndpointAsync(body);
        var e = (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}")).Json!;
        Assert.False(e["workers"]!.AsObject().ContainsKey("idleTimeout"));

        var rejected = await ApiCall.Post(_api.Client, "/v2/serverless", body.Replace("\"gpu\"", "\"workers\":{\"idleTimeout\":5},\"gpu\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
    }

    [Theory]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","gpu":{"pools":["ADA_24"]}}""", "missing properties: 'scaling'")]
    [InlineData("""{"name":"e","type":"QUEUE","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""", "missing properties: 'image'")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":0.1},"gpu":{"pools":["ADA_24"]}}""", "$.scaling.queueDelay")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY"},"gpu":{"pools":["ADA_24"]}}""", "missing properties: 'queueDelay'")]
    [InlineData("""{"name":"e","type":"BATCH","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""", "$.type")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":[]}}""", "minimum 1 items")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"workers":{"idleTimeout":4000}}""", "$.workers.idleTimeout")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"flashboot":"ON"}""", "$.flashboot")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"bogus":1}""", "additional properties 'bogus' not allowed")]
    public async Task Schema_violations_are_422_with_errors(string body, string mentions)
    {
        var call = await ApiCall.Post(_api.Client, "/v2/serverless", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, call.Status);
        Assert.Equal("application/problem+json", call.ContentType);
        Assert.Contains(mentions, string.Join("\n", call.Json!["errors"]!.AsArray().Select(e => e!.GetValue<string>())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pools":["ADA_99"]}""", "unknown GPU pool")]
    [InlineData("""{"pools":["ADA_24"],"excludedTypes":["NVIDIA A40"]}""", "not in the selected pools")]
    [InlineData("""{"pools":["ADA_24"],"excludedTypes":[" NVIDIA GeForce RTX 4090"]}""", "keep at least one")]
    [InlineData("""{"pools":["ADA_24"],"allowedCudaVersions":["12.8"],"minCudaVersion":"12.4"}""", "mutually exclusive")]
    public async Task Cross_field_gpu_rules_are_400(string gpu, string mentions)
    {
        var call = await ApiCall.Post(_api.Client, "/v2/serverless", ServerlessApi.QueueEndpoint.Replace("""{"pools":["ADA_24"]}""", gpu, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Contains(mentions, call.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4}}""", "exactly one of gpu or cpu")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"cpu":[{"id":"cpu3c","vcpuCount":2}]}""", "exactly one of gpu or cpu")]
    [InlineData("""{"name":"e","type":"LOAD_BALANCER","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""", "REQUEST_COUNT")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"workers":{"min":4,"max":2}}""", "must not exceed")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"cpu":[{"id":"cpu3c","vcpuCount":3}]}""", "power of two")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"dataCenterIds":["XX-YY-9"]}""", "unknown data center")]
    [InlineData("""{"name":"e","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]},"networkVolumes":["nope123456"]}""", "network volume")]
    public async Task Cross_field_rules_are_400(string body, string mentions)
    {
        var call = await ApiCall.Post(_api.Client, "/v2/serverless", body);
        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Contains(mentions, call.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_template_is_404_and_cpu_endpoints_get_memory_from_the_flavor()
    {
        var unknown = await ApiCall.Post(_api.Client, "/v2/serverless", """{"name":"e","type":"QUEUE","templateId":"nope123456","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);

        var cpu = await _api.CreateEndpointAsync("""{"name":"c","type":"QUEUE","image":"i","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"cpu":[{"id":"cpu3c","vcpuCount":4}]}""");
        var e = (await ApiCall.Get(_api.Client, $"/v2/serverless/{cpu}")).Json!;
        Assert.Null(e["gpu"]);
        Assert.True(e["cpu"]![0]!["memory"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Patch_changes_only_given_fields_keeps_explicit_zero_and_rejects_type()
    {
        var id = await _api.CreateEndpointAsync();
        var patched = await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"workers":{"max":0},"timeout":60000,"gpu":{"pools":["ADA_24","AMPERE_24"],"excludedTypes":["NVIDIA L4"]}}""");
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var e = patched.Json!;
        Assert.Equal("""{"min":0,"max":0,"idleTimeout":10}""", e["workers"]!.ToJsonString());
        Assert.Equal(60000, e["timeout"]!.GetValue<int>());
        Assert.Equal("e", e["name"]!.GetValue<string>());
        Assert.Equal("""["NVIDIA L4"]""", e["gpu"]!["excludedTypes"]!.ToJsonString());

        // Pools without exclusions clear them: the two are one selection.
        var cleared = await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"gpu":{"pools":["AMPERE_24"]}}""");
        Assert.False(cleared.Json!["gpu"]!.AsObject().ContainsKey("excludedTypes"));

        var type = await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"type":"LOAD_BALANCER"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, type.Status);
        Assert.Contains("additional properties 'type' not allowed", type.Body, StringComparison.Ordinal);
        var orphan = await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"gpu":{"excludedTypes":["NVIDIA L4"]}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, orphan.Status);
        var family = await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"cpu":[{"id":"cpu3c","vcpuCount":2}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, family.Status);
    }

    [Fact]
    public async Task Delete_is_204_then_404_and_its_jobs_are_gone()
    {
        var id = await _api.CreateEndpointAsync();
        var job = await _api.RunAsync(id, "{}");
        var deleted = await ApiCall.Delete(_api.Client, $"/v2/serverless/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/{id}/status/{job}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(_api.Client, $"/v2/serverless/{id}")).Status);
    }

    [Fact]
    public async Task Other_accounts_endpoints_are_404_and_missing_key_is_401()
    {
        var id = await _api.CreateEndpointAsync();
        var other = new ServerlessApi(emulator);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(other.Client, $"/v2/serverless/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(other.Client, $"/v2/{id}/health")).Status);
        using var anonymous = emulator.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiCall.Get(anonymous, "/v2/serverless")).Status);
    }

    [Fact]
    public async Task Workers_listing_follows_min_workers_and_summary_matches_the_array()
    {
        var id = await _api.CreateEndpointAsync(2, 3);
        var listing = (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}/workers")).Json!;
        Assert.Equal(2, listing["workers"]!.AsArray().Count);
        Assert.Equal(2, listing["summary"]!["total"]!.GetValue<int>());
        Assert.All(listing["workers"]!.AsArray(), w => Assert.Equal("INITIALIZING", w!["status"]!.GetValue<string>()));

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(10));
        listing = (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}/workers")).Json!;
        Assert.Equal(2, listing["summary"]!["idle"]!.GetValue<int>());
        Assert.Equal("NVIDIA GeForce RTX 4090", listing["workers"]![0]!["gpuTypeId"]!.GetValue<string>());

        // A PATCH bumps the version: running workers become stale.
        await ApiCall.Patch(_api.Client, $"/v2/serverless/{id}", """{"workers":{"min":1}}""");
        listing = (await ApiCall.Get(_api.Client, $"/v2/serverless/{id}/workers")).Json!;
        Assert.Equal(2, listing["endpointVersion"]!.GetValue<int>());
        Assert.True(listing["workers"]![0]!["isStale"]!.GetValue<bool>());
    }
}

/// <summary>Endpoints bound to templates: settings come from the template, and the template lives and dies with the endpoint.</summary>
public sealed class ServerlessTemplateTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ServerlessApi _api = new(emulator);

    [Fact]
    public async Task A_bound_template_supplies_settings_is_in_use_and_is_deleted_with_its_endpoint()
    {
        var template = await ApiCall.Post(_api.Client, "/v2/templates", """{"name":"t","image":"example/sdxl:1","serverless":true,"env":{"A":"1","B":"1"}}""");
        Assert.Equal(HttpStatusCode.Created, template.Status);
        var tid = template.Json!["id"]!.GetValue<string>();

        var created = await ApiCall.Post(_api.Client, "/v2/serverless",
            $$$"""{"name":"e","type":"QUEUE","templateId":"{{{tid}}}","env":{"B":"2"},"scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("example/sdxl:1", created.Json!["image"]!.GetValue<string>());
        Assert.Equal("""{"A":"1","B":"2"}""", created.Json!["env"]!.ToJsonString());
        var id = created.Json!["id"]!.GetValue<string>();

        var inUse = await ApiCall.Delete(_api.Client, $"/v2/templates/{tid}");
        Assert.Equal(HttpStatusCode.BadRequest, inUse.Status);
        Assert.Contains($"endpoint {id}", inUse.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_api.Client, $"/v2/serverless/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/templates/{tid}")).Status);
    }

    [Fact]
    public async Task A_pod_template_is_refused_with_422()
    {
        var template = await ApiCall.Post(_api.Client, "/v2/templates", """{"name":"p","image":"example/pod:1"}""");
        var tid = template.Json!["id"]!.GetValue<string>();
        var created = await ApiCall.Post(_api.Client, "/v2/serverless",
            $$$"""{"name":"e","type":"QUEUE","templateId":"{{{tid}}}","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"gpu":{"pools":["ADA_24"]}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.Status);
        Assert.Contains("not a serverless template", created.Body, StringComparison.Ordinal);
    }
}
