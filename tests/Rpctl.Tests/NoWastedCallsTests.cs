using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Each command makes only the requests it needs, counted in the emulator's request log (never by
/// timing): a list is one request, the GPU catalog is fetched only to resolve a name (once), and
/// help, version and completion touch neither the network nor the user's files.
/// </summary>
public sealed class NoWastedCallsTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    [InlineData("yaml")]
    [InlineData("csv")]
    public async Task Pod_list_is_one_request_whatever_the_output(string format)
    {
        await CreatePodAsync();
        await CreatePodAsync();
        var before = await RequestsAsync();

        var result = await Cli.RunAsync("pod", "list", "-o", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["GET /v2/pods"], (await RequestsAsync()).Skip(before.Count));
    }

    [Fact]
    public async Task Pod_list_with_filters_is_still_one_request()
    {
        await CreatePodAsync("--name", "train-1");
        var before = await RequestsAsync();

        var result = await Cli.RunAsync("pod", "list", "--status", "running,exited", "--name", "train-*", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Json.AsArray());
        Assert.Equal(["GET /v2/pods"], (await RequestsAsync()).Skip(before.Count));
    }

    [Fact]
    public async Task Pod_get_is_one_request()
    {
        var id = await CreatePodAsync();
        var before = await RequestsAsync();

        Assert.Equal(0, (await Cli.RunAsync("pod", "get", id, "-o", "json")).ExitCode);

        Assert.Equal([$"GET /v2/pods/{id}"], (await RequestsAsync()).Skip(before.Count));
    }

    [Fact]
    public async Task Create_by_gpu_name_fetches_the_catalog_once_then_creates()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--gpu", "4090", "--image", "runpod/pytorch:2.8.0", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["GET /v2/catalog/gpus", "POST /v2/pods"], await RequestsAsync());
    }

    [Fact]
    public async Task Create_of_a_cpu_pod_needs_no_catalog()
    {
        var result = await Cli.RunAsync("pod", "create", "--cpu", "cpu3c", "--image", "ubuntu:24.04", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["POST /v2/pods"], await RequestsAsync());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    // `pod --help` once sent GET /v2/pods: help asks completion sources for values, so the
    // dynamic (API-backed) ones are attached only for [suggest] runs.
    [InlineData("pod", "--help")]
    [InlineData("pod", "list", "--help")]
    [InlineData("pod", "create", "--help")]
    [InlineData("completion", "bash")]
    [InlineData("completion", "zsh")]
    public async Task Help_version_and_completion_touch_no_network_and_no_files(params string[] args)
    {
        // The config and data directories are files here: reading or creating anything under them fails.
        var config = Cli.Environment["XDG_CONFIG_HOME"];
        var data = Cli.Environment["XDG_DATA_HOME"];
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(config, "rpctl"), "not a directory [[[");
        await File.WriteAllTextAsync(Path.Combine(data, "rpctl"), "not a directory [[[");
        var filesBefore = Directory.GetFileSystemEntries(Cli.Home, "*", SearchOption.AllDirectories).Length;
        // The whole log, whatever the key: the log matches keys by their last 4 characters only,
        // and tests of one class run one at a time, so nothing else sends in between.
        var requestsBefore = await AllRequestCountAsync();

        var result = await Cli.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotEqual("", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(requestsBefore, await AllRequestCountAsync());
        Assert.Equal(filesBefore, Directory.GetFileSystemEntries(Cli.Home, "*", SearchOption.AllDirectories).Length);
    }

    private async Task<int> AllRequestCountAsync()
    {
        using var client = Emulator.Client();
        var log = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(client, "/_emulator/requests");
        return log!["requests"]!.AsArray().Count;
    }

    private async Task<List<string>> RequestsAsync() =>
        [.. (await EmulatorRequests.ListAsync(Emulator, ApiKey)).Select(r => $"{r["method"]} {r["path"]}")];
}
