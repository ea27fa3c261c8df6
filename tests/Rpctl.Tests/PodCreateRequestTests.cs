using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Every pod create flag reaches the API: checked in the request the emulator received.</summary>
public sealed class PodCreateRequestTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private async Task<JsonObject> CreateAndCaptureAsync(params string[] args)
    {
        var result = await Cli.RunAsync(["pod", "create", "--image", "runpod/pytorch:2.8.0", "-o", "json", .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/pods");
    }

    [Fact]
    public async Task Gpu_name_resolves_to_catalog_id_and_count_is_always_sent()
    {
        var body = await CreateAndCaptureAsync("--gpu", "rtx 4090");
        Assert.Equal("NVIDIA GeForce RTX 4090", body["gpu"]!["id"]!.GetValue<string>());
        Assert.Equal(1, body["gpu"]!["count"]!.GetValue<int>());
        Assert.Equal("runpod/pytorch:2.8.0", body["image"]!.GetValue<string>());
        Assert.Equal("SECURE", body["cloud"]!.GetValue<string>());
        Assert.True(body["startSsh"]!.GetValue<bool>());
        Assert.StartsWith("rpctl-rtx-4090-", body["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Name_count_disk_args_and_flags_reach_the_body()
    {
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--name", "trainer", "--gpu-count", "2", "--container-disk", "40",
            "--docker-start-cmd", "python serve.py --port 8000", "--no-ssh", "--jupyter", "--global-networking", "--cloud-type", "COMMUNITY");
        Assert.Equal("trainer", body["name"]!.GetValue<string>());
        Assert.Equal(2, body["gpu"]!["count"]!.GetValue<int>());
        Assert.Equal(40, body["disk"]!.GetValue<int>());
        Assert.Equal("python serve.py --port 8000", body["args"]!.GetValue<string>());
        Assert.False(body["startSsh"]!.GetValue<bool>());
        Assert.True(body["startJupyter"]!.GetValue<bool>());
        Assert.True(body["globalNetworking"]!.GetValue<bool>());
        Assert.Equal("COMMUNITY", body["cloud"]!.GetValue<string>());
    }

    [Fact]
    public async Task Env_values_with_equals_and_commas_arrive_intact_and_env_file_is_read()
    {
        File.WriteAllText(Path.Combine(Cli.Home, "pod.env"), "# comment\nexport FROM_FILE=\"quoted value\"\nOVERRIDDEN=file\n");
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--env", "CONN=a=b,c=d", "-e", "EMPTY=", "--env", "OVERRIDDEN=flag", "--env-file", "pod.env");
        var env = body["env"]!.AsObject();
        Assert.Equal("a=b,c=d", env["CONN"]!.GetValue<string>());
        Assert.Equal("", env["EMPTY"]!.GetValue<string>());
        Assert.Equal("flag", env["OVERRIDDEN"]!.GetValue<string>());
        Assert.Equal("quoted value", env["FROM_FILE"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ports_regions_and_cuda_versions_keep_every_value()
    {
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--ports", "8888/http,22/tcp", "--ports", "6006/HTTP",
            "--region", "US-TX-3", "--region", "eu-ro-1,US-KS-2", "--cuda-version", "12.8", "--cuda-version", "12.9");
        Assert.Equal(["8888/http", "22/tcp", "6006/http"], body["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["US-TX-3", "EU-RO-1", "US-KS-2"], body["dataCenterIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["12.8", "12.9"], body["gpu"]!["allowedCudaVersions"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Min_cuda_version_and_persistent_volume()
    {
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--min-cuda-version", "12.4", "--volume-disk", "50", "--volume-mount", "/data");
        Assert.Equal("12.4", body["gpu"]!["minCudaVersion"]!.GetValue<string>());
        Assert.Equal(50, body["mounts"]!["persistent"]!["size"]!.GetValue<int>());
        Assert.Equal("/data", body["mounts"]!["persistent"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cpu_pod_sends_cpu_block_and_no_gpu()
    {
        var body = await CreateAndCaptureAsync("--cpu", "cpu3c", "--vcpu", "4");
        Assert.Equal("cpu3c", body["cpu"]!["id"]!.GetValue<string>());
        Assert.Equal(4, body["cpu"]!["vcpuCount"]!.GetValue<int>());
        Assert.Null(body["gpu"]);
    }

    [Fact]
    public async Task Country_becomes_that_countrys_data_centers()
    {
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--country", "us");
        var dcs = body["dataCenterIds"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        Assert.NotEmpty(dcs);
        Assert.All(dcs, dc => Assert.StartsWith("US-", dc));
    }

    [Fact]
    public async Task Template_id_is_sent_and_an_unknown_template_is_not_found()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--template", "nosuchtpl1");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("template 'nosuchtpl1' not found", result.Stderr);
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/pods");
        Assert.Equal("nosuchtpl1", body["templateId"]!.GetValue<string>());
        Assert.Null(body["image"]);
    }

    [Fact]
    public async Task Spot_pod_goes_to_graphql_with_variables_and_comes_back_as_a_v2_pod()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--spot", "--bid", "0.25",
            "--name", "say \"hi\" } { ", "--env", "Q=\"}{", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("say \"hi\" } { ", result.Json["name"]!.GetValue<string>());
        var graphQl = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        var input = graphQl["variables"]!["input"]!;
        Assert.Equal(0.25, input["bidPerGpu"]!.GetValue<double>());
        Assert.Equal("NVIDIA GeForce RTX 4090", input["gpuTypeId"]!.GetValue<string>());
        Assert.DoesNotContain("say", graphQl["query"]!.GetValue<string>()); // user input never inside the query text
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods"));
    }

    [Fact]
    public async Task Placement_flags_go_to_graphql_on_demand_deploy()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--min-vcpu", "8", "--min-ram", "32",
            "--min-download", "500", "--min-upload", "100", "--public-ip", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var graphQl = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Contains("podFindAndDeployOnDemand", graphQl["query"]!.GetValue<string>());
        var input = graphQl["variables"]!["input"]!;
        Assert.Equal(8, input["minVcpuCount"]!.GetValue<int>());
        Assert.Equal(32, input["minMemoryInGb"]!.GetValue<int>());
        Assert.Equal(500, input["minDownload"]!.GetValue<int>());
        Assert.Equal(100, input["minUpload"]!.GetValue<int>());
        Assert.True(input["supportPublicIp"]!.GetValue<bool>());
        Assert.Equal("RUNNING", (await Cli.RunAsync("pod", "get", result.Json["id"]!.GetValue<string>(), "-o", "json")).Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_prints_the_request_and_sends_nothing_even_without_a_key()
    {
        Cli.Environment.Remove("RUNPOD_API_KEY");
        var result = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--image", "img:1", "--env", "A=b", "--dry-run", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("rest", result.Json["surface"]!.GetValue<string>());
        Assert.Equal("POST", result.Json["method"]!.GetValue<string>());
        Assert.EndsWith("/v2/pods", result.Json["url"]!.GetValue<string>());
        Assert.Equal("NVIDIA GeForce RTX 4090", result.Json["body"]!["gpu"]!["id"]!.GetValue<string>());
        using var client = Emulator.Client();
        var log = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/_emulator/requests?path=/v2/pods"))!;
        // Other tests in this class create pods with their own keys; a keyless POST could only come from this dry run.
        Assert.DoesNotContain(log["requests"]!.AsArray(), r => r!["method"]!.GetValue<string>() == "POST" && r["key"] is null);
    }

    [Fact]
    public async Task Several_gpus_fall_back_in_order_when_the_first_has_no_capacity()
    {
        // One account cannot drain global stock without affecting others, so use a GPU with none by default... set it to zero here.
        await Emulator.AdminPostAsync("/_emulator/capacity", """{"gpuTypeId":"NVIDIA RTX A6000","available":0}""");
        var result = await Cli.RunAsync("pod", "create", "--gpu", "A6000", "--gpu", "4090", "--image", "img:1", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("NVIDIA GeForce RTX 4090", result.Json["gpu"]!["id"]!.GetValue<string>());
        Assert.Contains("trying the next option", result.Stderr);
        Assert.Equal(2, (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods")).Count);
    }

    [Fact]
    public async Task No_capacity_anywhere_exits_5()
    {
        await Emulator.AdminPostAsync("/_emulator/capacity", """{"gpuTypeId":"NVIDIA RTX A6000","available":0}""");
        var result = await Cli.RunAsync("pod", "create", "--gpu", "A6000", "--cloud-type", "all", "--image", "img:1");
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("no capacity", result.Stderr);
        var bodies = await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods");
        Assert.Equal(["SECURE", "COMMUNITY"], bodies.Select(b => b["body"]!["cloud"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Network_volume_is_mounted_and_pins_the_pod_to_its_data_center()
    {
        var volume = await Cli.RunAsync("volume", "create", "--name", "data", "--size", "20", "--region", "EU-RO-1", "-o", "json");
        Assert.True(volume.ExitCode == 0, volume.ToString());
        var volumeId = volume.Json["id"]!.GetValue<string>();

        var body = await CreateAndCaptureAsync("--gpu", "4090", "--network-volume", volumeId, "--volume-mount", "/mnt/data");
        var mount = Assert.Single(body["mounts"]!["network"]!.AsArray())!;
        Assert.Equal(volumeId, mount["volumeId"]!.GetValue<string>());
        Assert.Equal("/mnt/data", mount["path"]!.GetValue<string>());
        Assert.Equal(["EU-RO-1"], body["dataCenterIds"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task Registry_credential_is_sent_for_private_images()
    {
        var body = await CreateAndCaptureAsync("--gpu", "4090", "--registry-auth", "cregistry0000000000000001");
        Assert.Equal("cregistry0000000000000001", body["registry"]!.GetValue<string>());
    }

    [Fact]
    public async Task Placement_flags_with_several_regions_try_each_data_center_in_order()
    {
        await Emulator.AdminPostAsync("/_emulator/capacity", """{"gpuTypeId":"NVIDIA GeForce RTX 4090","dataCenterId":"US-TX-3","available":0}""");
        try
        {
            var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--min-vcpu", "4",
                "--region", "US-TX-3,EU-RO-1", "-o", "json");
            Assert.True(result.ExitCode == 0, result.ToString());
            var sent = await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/graphql");
            Assert.Equal(["US-TX-3", "EU-RO-1"], sent.Select(r => r["body"]!["variables"]!["input"]!["dataCenterId"]!.GetValue<string>()));
            Assert.Equal("EU-RO-1", result.Json["dataCenterId"]!.GetValue<string>());
        }
        finally
        {
            await Emulator.AdminPostAsync("/_emulator/capacity", """{"reset":true}""");
        }
    }

    [Fact]
    public async Task Placement_flags_with_a_country_send_the_country_not_one_of_its_data_centers()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--min-vcpu", "4", "--country", "US", "--dry-run", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var input = result.Json["body"]!["variables"]!["input"]!;
        Assert.Equal("US", input["countryCode"]!.GetValue<string>());
        Assert.Null(input["dataCenterId"]);
    }
}
