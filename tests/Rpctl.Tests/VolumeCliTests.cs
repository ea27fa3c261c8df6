using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class VolumeCliTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private async Task<string> CreateVolumeAsync(string size = "50", string region = "EU-RO-1")
    {
        var result = await Cli.RunAsync("volume", "create", "--name", "data", "--size", size, "--region", region, "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Create_sends_the_v2_body_and_prints_the_volume()
    {
        var result = await Cli.RunAsync("volume", "create", "--name", "fast", "--size", "100", "--region", "US-KS-2", "--type", "high-performance");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Created network volume", result.Stdout);
        Assert.Contains("100 GB in US-KS-2", result.Stdout);
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/network-volumes");
        Assert.Equal("""{"name":"fast","size":100,"dataCenter":"US-KS-2","type":"HIGH_PERFORMANCE"}""", body.ToJsonString());
    }

    [Fact]
    public async Task List_and_get_show_volumes_in_every_format()
    {
        var id = await CreateVolumeAsync();

        var table = await Cli.RunAsync("volume", "list");
        Assert.Contains("DATA CENTER", table.Stdout);
        Assert.Contains(id, table.Stdout);
        Assert.Equal(id, (await Cli.RunAsync("volume", "list", "-o", "json")).Json[0]!["id"]!.GetValue<string>());
        Assert.Contains("dataCenter,", (await Cli.RunAsync("volume", "list", "-o", "csv")).Stdout);
        Assert.Contains("dataCenter: EU-RO-1", (await Cli.RunAsync("volume", "get", id, "-o", "yaml")).Stdout);
        Assert.Contains("50 GB", (await Cli.RunAsync("volume", "get", id)).Stdout);

        var missing = await Cli.RunAsync("volume", "get", "nosuchvol0");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("network volume 'nosuchvol0' not found", missing.Stderr);
    }

    [Theory]
    [InlineData(new[] { "--size", "9", "--region", "EU-RO-1" }, "--size")]
    [InlineData(new[] { "--size", "4097", "--region", "EU-RO-1" }, "--size")]
    [InlineData(new[] { "--size", "ten", "--region", "EU-RO-1" }, "--size")]
    [InlineData(new[] { "--size", "20" }, "--region")]
    [InlineData(new[] { "--region", "EU-RO-1" }, "--size")]
    [InlineData(new[] { "--size", "20", "--region", "XX-YY-1" }, "unknown data center")]
    [InlineData(new[] { "--size", "20", "--region", "eu-ro-1" }, "did you mean EU-RO-1")]
    [InlineData(new[] { "--size", "20", "--region", "EU-RO-1", "--type", "high-performance" }, "does not offer HIGH_PERFORMANCE")]
    [InlineData(new[] { "--size", "20", "--region", "EU-RO-1", "--type", "fast" }, "--type")]
    public async Task Bad_create_values_exit_2_before_anything_is_created(string[] args, string mentions)
    {
        AssertUsageError(await Cli.RunAsync(["volume", "create", "--name", "d", .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/network-volumes"));
    }

    [Fact]
    public async Task Missing_name_exits_2()
    {
        AssertUsageError(await Cli.RunAsync("volume", "create", "--size", "20", "--region", "EU-RO-1"), "--name");
    }

    [Fact]
    public async Task Update_grows_and_renames()
    {
        var id = await CreateVolumeAsync();

        var result = await Cli.RunAsync("volume", "update", id, "--size", "80", "--name", "bigger", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(80, result.Json["size"]!.GetValue<int>());
        Assert.Equal("""{"name":"bigger","size":80}""", (await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "PATCH", $"/v2/network-volumes/{id}")).ToJsonString());
    }

    [Fact]
    public async Task Shrinking_is_refused_with_a_clear_message_and_nothing_sent()
    {
        var id = await CreateVolumeAsync("50");

        var result = await Cli.RunAsync("volume", "update", id, "--size", "20");

        AssertUsageError(result, "cannot shrink");
        Assert.Contains("is 50 GB", result.Stderr);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH"));
    }

    [Theory]
    [InlineData(new string[0], "nothing to update")]
    [InlineData(new[] { "--size", "5000" }, "--size")]
    [InlineData(new[] { "--name", " " }, "--name")]
    public async Task Bad_update_values_exit_2(string[] args, string mentions)
    {
        var id = await CreateVolumeAsync();

        AssertUsageError(await Cli.RunAsync(["volume", "update", id, .. args]), mentions);
    }

    [Fact]
    public async Task Delete_confirms_then_deletes()
    {
        var id = await CreateVolumeAsync();
        AssertUsageError(await Cli.RunAsync("volume", "delete", id), "--yes");

        var result = await Cli.RunAsync("volume", "delete", id, "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, (await Cli.RunAsync("volume", "get", id)).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("volume", "delete", id, "--yes")).ExitCode);
    }

    [Fact]
    public async Task Pod_with_network_volume_lands_in_its_data_center()
    {
        var id = await CreateVolumeAsync();

        var pod = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "i:1", "--network-volume", id, "-o", "json");

        Assert.True(pod.ExitCode == 0, pod.ToString());
        Assert.Equal("EU-RO-1", pod.Json["dataCenterId"]!.GetValue<string>());
        var other = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "i:1", "--network-volume", id, "--region", "US-TX-3");
        AssertUsageError(other, "is in EU-RO-1");
    }
}
