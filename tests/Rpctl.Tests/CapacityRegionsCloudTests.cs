using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>capacity regions --gpu shows availability in the cloud pod create would use.</summary>
public sealed class CapacityRegionsCloudTests(EmulatorFixture emulator) : CapacityTestBase(emulator)
{
    private async Task<Dictionary<string, string>> LevelsAsync(params string[] extra)
    {
        var result = await Cli.RunAsync(["capacity", "regions", "--gpu", "4090", "-o", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json.AsArray().ToDictionary(
            d => d!["id"]!.GetValue<string>(),
            d => d!["gpuAvailability"]![0]!["availability"]!.GetValue<string>());
    }

    [Fact]
    public async Task Default_is_secure_so_community_only_stock_shows_as_none()
    {
        await SetStockAsync(Rtx4090, 0, cloud: "SECURE");

        Assert.All((await LevelsAsync()).Values, level => Assert.Equal("NONE", level));
        Assert.Contains((await LevelsAsync("--cloud-type", "community")).Values, level => level != "NONE");
        Assert.Contains((await LevelsAsync("--cloud-type", "all")).Values, level => level != "NONE");

        // What regions shows agrees with what check answers for the same cloud.
        Assert.Equal(5, (await Cli.RunAsync("capacity", "check", "--gpu", "4090")).ExitCode);
    }

    [Fact]
    public async Task Cloud_type_needs_a_gpu_and_a_valid_value()
    {
        Assert.Equal(2, (await Cli.RunAsync("capacity", "regions", "--cloud-type", "community")).ExitCode);
        var bad = await Cli.RunAsync("capacity", "regions", "--gpu", "4090", "--cloud-type", "cheap");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--cloud-type", bad.Stderr);
    }
}
