using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>What <c>endpoint create</c>/<c>update</c> send for each option, and how each wrong value is refused.</summary>
public sealed class EndpointCreateRequestTests(EmulatorFixture emulator) : EndpointTestBase(emulator)
{
    [Fact]
    public async Task Defaults_are_a_queue_endpoint_on_AMPERE_24_with_queue_delay_scaling()
    {
        var created = await Cli.RunAsync("endpoint", "create", "--image", "example/worker:1", "--name", "plain", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var body = await CreateBodyAsync();
        Assert.Equal("""{"name":"plain","type":"QUEUE","scaling":{"type":"QUEUE_DELAY","queueDelay":4},"image":"example/worker:1","gpu":{"pools":["AMPERE_24"]}}""", body.ToJsonString());
        Assert.Equal(300000, created.Json["timeout"]!.GetValue<int>());
        Assert.Contains("/run", created.Json["requestUrls"]!["run"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_option_reaches_the_request()
    {
        var created = await Cli.RunAsync("endpoint", "create", "--name", "full", "--image", "example/worker:1", "--env", "MODEL=sdxl", "--container-disk", "20",
            "--gpu", "4090", "--gpu", "AMPERE_24", "--exclude-gpu", "L4", "--gpu-count", "2", "--workers-min", "0", "--workers-max", "5", "--idle-timeout", "30",
            "--scaler-type", "queue-delay", "--scaler-value", "2.5", "--region", "US-TX-3,EU-RO-1", "--cuda-version", "12.8", "--flashboot", "priority",
            "--execution-timeout", "10m", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var body = await CreateBodyAsync();
        Assert.Equal("""{"pools":["ADA_24","AMPERE_24"],"excludedTypes":["NVIDIA L4"],"count":2,"allowedCudaVersions":["12.8"]}""", body["gpu"]!.ToJsonString());
        Assert.Equal("""{"min":0,"max":5,"idleTimeout":30}""", body["workers"]!.ToJsonString());
        Assert.Equal("""{"type":"QUEUE_DELAY","queueDelay":2.5}""", body["scaling"]!.ToJsonString());
        Assert.Equal("""["US-TX-3","EU-RO-1"]""", body["dataCenterIds"]!.ToJsonString());
        Assert.Equal("""{"MODEL":"sdxl"}""", body["env"]!.ToJsonString());
        Assert.Equal(20, body["disk"]!.GetValue<int>());
        Assert.Equal(600000, body["timeout"]!.GetValue<int>());
        Assert.Equal("PRIORITY_FLASHBOOT", body["flashboot"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cpu_request_count_load_balancer_min_cuda_and_network_volume_options_reach_the_request()
    {
        var dry = await Cli.RunAsync("endpoint", "create", "--image", "i", "--cpu", "cpu3c:4", "--scaler-type", "request-count", "--scaler-value", "3",
            "--type", "load-balancer", "--flashboot", "on", "--dry-run", "-o", "json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        var body = dry.Json["body"]!;
        Assert.Equal("""[{"id":"cpu3c","vcpuCount":4}]""", body["cpu"]!.ToJsonString());
        Assert.Equal("LOAD_BALANCER", body["type"]!.GetValue<string>());
        Assert.Equal("""{"type":"REQUEST_COUNT","requestCount":3}""", body["scaling"]!.ToJsonString());
        Assert.Equal("FLASHBOOT", body["flashboot"]!.GetValue<string>());
        Assert.Equal("POST", dry.Json["method"]!.GetValue<string>());
        Assert.EndsWith("/v2/serverless", dry.Json["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var dry2 = await Cli.RunAsync("endpoint", "create", "--template", "tpl1234567", "--gpu", "ADA_24", "--min-cuda-version", "12.4",
            "--network-volume", "vol1234567", "--dry-run", "-o", "json");
        Assert.True(dry2.ExitCode == 0, dry2.ToString());
        Assert.Equal("tpl1234567", dry2.Json["body"]!["templateId"]!.GetValue<string>());
        Assert.Equal("12.4", dry2.Json["body"]!["gpu"]!["minCudaVersion"]!.GetValue<string>());
        Assert.Equal("""["vol1234567"]""", dry2.Json["body"]!["networkVolumes"]!.ToJsonString());
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/serverless"));
    }

    [Theory]
    [InlineData("--workers-min", "-1", "--workers-min")]
    [InlineData("--workers-max", "many", "--workers-max")]
    [InlineData("--idle-timeout", "0", "--idle-timeout")]
    [InlineData("--idle-timeout", "3601", "--idle-timeout")]
    [InlineData("--gpu-count", "0", "--gpu-count")]
    [InlineData("--container-disk", "0", "--container-disk")]
    [InlineData("--scaler-type", "cpu-load", "--scaler-type")]
    [InlineData("--scaler-value", "0.1", "--scaler-value")]
    [InlineData("--type", "batch", "--type")]
    [InlineData("--flashboot", "maybe", "--flashboot")]
    [InlineData("--execution-timeout", "soon", "--execution-timeout")]
    [InlineData("--region", "texas", "--region")]
    [InlineData("--cuda-version", "12", "--cuda-version")]
    [InlineData("--min-cuda-version", "twelve", "--min-cuda-version")]
    [InlineData("--cpu", "cpu3c", "--cpu")]
    [InlineData("--cpu", "cpu3c:3", "--cpu")]
    [InlineData("--env", "NOVALUE", "--env")]
    [InlineData("--gpu", "RTX 9999", "RTX 9999")]
    [InlineData("--gpu", "ADA_99", "--gpu")]
    [InlineData("--gpu", "RTX 3070", "not offered on serverless")]
    [InlineData("--exclude-gpu", "A100 SXM", "not in the selected pools")]
    [InlineData("--name", " ", "--name")]
    public async Task Wrong_values_are_refused_with_exit_2_before_anything_is_created(string flag, string value, string mentions)
    {
        var result = await Cli.RunAsync("endpoint", "create", "--image", "i", "--gpu", "ADA_24", flag, value);
        if (flag is "--cpu")
            result = await Cli.RunAsync("endpoint", "create", "--image", "i", flag, value);
        AssertUsageError(result, mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/serverless"));
    }

    [Theory]
    [InlineData(new[] { "--gpu", "ADA_24" }, "--template TEMPLATE_ID or --image")]
    [InlineData(new[] { "--image", "i", "--gpu", "ADA_24", "--cpu", "cpu3c:2" }, "--gpu and --cpu")]
    [InlineData(new[] { "--image", "i", "--cpu", "cpu3c:2", "--gpu-count", "2" }, "only to GPU endpoints")]
    [InlineData(new[] { "--image", "i", "--workers-min", "4", "--workers-max", "2" }, "cannot exceed")]
    [InlineData(new[] { "--image", "i", "--type", "load-balancer", "--scaler-type", "queue-delay" }, "request-count")]
    [InlineData(new[] { "--image", "i", "--scaler-type", "request-count", "--idle-timeout", "5" }, "--idle-timeout")]
    [InlineData(new[] { "--image", "i", "--scaler-type", "request-count", "--scaler-value", "1.5" }, "--scaler-value")]
    [InlineData(new[] { "--image", "i", "--cuda-version", "12.8", "--min-cuda-version", "12.4" }, "cannot be used together")]
    public async Task Conflicting_flags_are_usage_errors(string[] args, string mentions)
    {
        AssertUsageError(await Cli.RunAsync(["endpoint", "create", .. args]), mentions);
    }

    [Fact]
    public async Task Update_sends_only_given_fields_and_keeps_an_explicit_zero()
    {
        var id = await CreateEndpointAsync("--workers-min", "1", "--env", "A=1");
        var updated = await Cli.RunAsync("endpoint", "update", id, "--workers-min", "0", "--scaler-value", "6", "--env", "B=2", "-o", "json");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        var patch = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "PATCH", $"/v2/serverless/{id}");
        Assert.Equal("""{"workers":{"min":0},"env":{"A":"1","B":"2"},"scaling":{"type":"QUEUE_DELAY","queueDelay":6}}""", patch.ToJsonString());
        Assert.Equal(0, updated.Json["workers"]!["min"]!.GetValue<int>());
        Assert.Equal(6.0, updated.Json["scaling"]!["queueDelay"]!.GetValue<double>());
    }

    [Fact]
    public async Task Update_exclude_gpu_resends_current_pools_and_dry_run_sends_nothing()
    {
        var id = await CreateEndpointAsync("--gpu", "AMPERE_24");
        var dry = await Cli.RunAsync("endpoint", "update", id, "--exclude-gpu", "L4", "--gpu-count", "2", "--flashboot", "off", "--execution-timeout", "1m", "--dry-run", "-o", "json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal("PATCH", dry.Json["method"]!.GetValue<string>());
        Assert.Equal("""{"timeout":60000,"flashboot":"OFF","gpu":{"pools":["ADA_24","AMPERE_24"],"excludedTypes":["NVIDIA L4"],"count":2}}""", dry.Json["body"]!.ToJsonString());
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH"));
    }

    [Fact]
    public async Task Update_sends_every_other_setting_it_is_given()
    {
        var id = await CreateEndpointAsync();
        var dry = await Cli.RunAsync("endpoint", "update", id, "--name", "renamed", "--template", "tpl1234567", "--image", "img:2", "--container-disk", "30",
            "--workers-max", "7", "--idle-timeout", "60", "--scaler-type", "queue-delay", "--scaler-value", "2", "--network-volume", "vol1234567",
            "--region", "eu-ro-1", "--gpu", "AMPERE_80", "--min-cuda-version", "12.4", "--dry-run", "-o", "json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal("""{"name":"renamed","templateId":"tpl1234567","image":"img:2","disk":30,"workers":{"max":7,"idleTimeout":60},"dataCenterIds":["EU-RO-1"],"networkVolumes":["vol1234567"],"scaling":{"type":"QUEUE_DELAY","queueDelay":2},"gpu":{"pools":["AMPERE_80"],"minCudaVersion":"12.4"}}""",
            dry.Json["body"]!.ToJsonString());

        var cpu = await Cli.RunAsync("endpoint", "update", id, "--cpu", "cpu3c:2", "--cuda-version", "12.8", "--dry-run", "-o", "json");
        AssertUsageError(cpu, "only to GPU endpoints");
        var rejected = await Cli.RunAsync("endpoint", "update", id, "--cpu", "cpu3c:2");
        Assert.True(rejected.ExitCode == 2, rejected.ToString());
        Assert.Contains("compute family is fixed", rejected.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_with_nothing_to_change_or_bad_values_is_exit_2_and_unknown_id_exit_3()
    {
        var id = await CreateEndpointAsync();
        AssertUsageError(await Cli.RunAsync("endpoint", "update", id), "nothing to update");
        AssertUsageError(await Cli.RunAsync("endpoint", "update", id, "--workers-max", "-2"), "--workers-max");
        AssertUsageError(await Cli.RunAsync("endpoint", "update", id, "--type", "queue"), "--type");
        var missing = await Cli.RunAsync("endpoint", "update", "nosuchendpoint", "--workers-max", "2");
        Assert.True(missing.ExitCode == 3, missing.ToString());
        Assert.Contains("endpoint 'nosuchendpoint' not found", missing.Stderr, StringComparison.Ordinal);
    }
}
