using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Every wrong value gets exit 2 and one line naming the flag; nothing is sent.</summary>
public sealed class PodBadInputTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Theory]
    [InlineData("--gpu-count", "abc", "--gpu-count")]
    [InlineData("--gpu-count", "0", "--gpu-count")]
    [InlineData("--gpu-count", "-1", "--gpu-count")]
    [InlineData("--container-disk", "lots", "--container-disk")]
    [InlineData("--volume-disk", "5", "--volume-disk")]
    [InlineData("--ports", "99999/tcp", "--ports")]
    [InlineData("--ports", "8888/udp", "--ports")]
    [InlineData("--ports", "http", "--ports")]
    [InlineData("--env", "NOEQUALS", "--env")]
    [InlineData("--env", "1BAD=x", "--env")]
    [InlineData("--cloud-type", "cheap", "--cloud-type")]
    [InlineData("--region", "texas", "--region")]
    [InlineData("--country", "USA", "--country")]
    [InlineData("--cuda-version", "12", "--cuda-version")]
    [InlineData("--min-cuda-version", "twelve", "--min-cuda-version")]
    [InlineData("--timeout", "5x", "--timeout")]
    [InlineData("--volume-mount", "relative/path", "--volume-mount")]
    public async Task Bad_create_values_exit_2_naming_the_flag(string flag, string value, string mentions)
    {
        var extra = flag == "--volume-mount" ? new[] { "--volume-disk", "20" } : [];
        var result = await Cli.RunAsync(["pod", "create", "--gpu", "4090", "--image", "img:1", flag, value, .. extra]);
        AssertUsageError(result, mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods"));
    }

    [Theory]
    [InlineData(new[] { "--gpu", "4090", "--cpu", "cpu3c" }, "--cpu")]
    [InlineData(new[] { "--gpu", "4090", "--cuda-version", "12.8", "--min-cuda-version", "12.4" }, "--min-cuda-version")]
    [InlineData(new[] { "--gpu", "4090", "--volume-disk", "20", "--network-volume", "vol1234567" }, "--network-volume")]
    [InlineData(new[] { "--gpu", "4090", "--bid", "0.2" }, "--spot")]
    [InlineData(new[] { "--gpu", "4090", "--spot" }, "--bid")]
    [InlineData(new[] { "--cpu", "cpu3c", "--min-vcpu", "4" }, "--min-vcpu applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--min-ram", "16" }, "--min-ram applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--min-download", "100" }, "--min-download applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--min-upload", "100" }, "--min-upload applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--cuda-version", "12.8" }, "--cuda-version applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--min-cuda-version", "12.4" }, "--min-cuda-version applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--public-ip" }, "--public-ip applies only to GPU pods")]
    [InlineData(new[] { "--cpu", "cpu3c", "--vcpu", "3" }, "power of two")]
    [InlineData(new[] { "--gpu", "4090", "--entrypoint", "bash" }, "--docker-start-cmd")]
    [InlineData(new[] { "--gpu", "4090", "--volume-mount", "/data" }, "--volume-mount")]
    public async Task Conflicting_flags_exit_2(string[] flags, string mentions)
    {
        var result = await Cli.RunAsync(["pod", "create", "--image", "img:1", .. flags]);
        AssertUsageError(result, mentions);
    }

    [Fact]
    public async Task Missing_image_and_gpu_are_reported()
    {
        AssertUsageError(await Cli.RunAsync("pod", "create", "--gpu", "4090"), "--image");
        AssertUsageError(await Cli.RunAsync("pod", "create", "--image", "img:1"), "--gpu");
    }

    [Fact]
    public async Task Ambiguous_gpu_lists_candidates()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "h100", "--image", "img:1");
        AssertUsageError(result, "ambiguous");
        Assert.Contains("H100 SXM", result.Stderr);
        Assert.Contains("H100 PCIe", result.Stderr);
    }

    [Fact]
    public async Task Misspelled_gpu_suggests_and_is_not_reported_as_capacity()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4909", "--image", "img:1");
        AssertUsageError(result, "did you mean");
        Assert.Contains("RTX 4090", result.Stderr);
        Assert.DoesNotContain("capacity", result.Stderr);
    }

    [Theory]
    [InlineData("pod", "list", "--status", "sleeping")]
    [InlineData("pod", "list", "-o", "xml")]
    [InlineData("pod", "wait", "abc", "--for", "done")]
    [InlineData("pod", "wait", "abc", "--interval", "0")]
    [InlineData("pod", "update", "abc")]
    [InlineData("pod", "frobnicate")]
    [InlineData("pod", "get")]
    public async Task Other_bad_input_exits_2(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.StartsWith("error: ", result.Stderr);
    }

    [Fact]
    public async Task Unknown_pod_id_exits_3_for_every_command()
    {
        foreach (var verb in new[] { "get", "stop", "start", "restart" })
        {
            var result = await Cli.RunAsync("pod", verb, "zzzzzzzzzzzzzz");
            Assert.True(result.ExitCode == 3, $"{verb}: {result}");
            Assert.Contains("zzzzzzzzzzzzzz", result.Stderr);
        }

        Assert.Equal(3, (await Cli.RunAsync("pod", "delete", "zzzzzzzzzzzzzz", "--yes")).ExitCode);
    }

    [Fact]
    public async Task No_key_exits_4_with_a_hint()
    {
        Cli.Environment.Remove("RUNPOD_API_KEY");
        var result = await Cli.RunAsync("pod", "list");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("RUNPOD_API_KEY", result.Stderr);
    }

    [Fact]
    public async Task Rejected_key_exits_4_and_is_never_printed()
    {
        Cli.Environment["RUNPOD_API_KEY"] = "not-a-runpod-key-SECRET123";
        var result = await Cli.RunAsync("pod", "list", "--debug");
        Assert.Equal(4, result.ExitCode);
        Assert.DoesNotContain("SECRET123", result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Json_errors_are_a_json_object_on_stderr()
    {
        var result = await Cli.RunAsync("pod", "get", "zzzzzzzzzzzzzz", "-o", "json");
        Assert.Equal(3, result.ExitCode);
        var error = System.Text.Json.Nodes.JsonNode.Parse(result.Stderr)!;
        Assert.Equal(3, error["code"]!.GetValue<int>());
        Assert.Equal(404, error["status"]!.GetValue<int>());
        Assert.Equal("", result.Stdout);
    }
}
