using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class CapacityCheckTests(EmulatorFixture emulator) : CapacityTestBase(emulator)
{
    /// <summary>The help's multi-word GPU example works when pasted into a shell (it once lacked quotes).</summary>
    [Fact]
    public async Task Help_example_runs_as_written()
    {
        var help = await Cli.RunAsync("capacity", "check", "--help");
        var example = help.Stdout.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("rpctl capacity check --gpu", StringComparison.Ordinal) && l.Contains("nvl", StringComparison.Ordinal));
        var words = System.Text.RegularExpressions.Regex.Matches(example.Split("&&")[0], "'([^']*)'|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Skip(1).ToArray();

        var result = await Cli.RunAsync(words);

        Assert.True(result.ExitCode is 0 or 5, result.ToString());
    }

    [Fact]
    public async Task Available_exits_0_and_lists_data_centers_with_stock()
    {
        var result = await Cli.RunAsync("capacity", "check", "--gpu", "4090");

        AssertOk(result);
        Assert.Matches(@"(?m)^DATA CENTER\s+NAME\s+CLOUD\s+AVAILABILITY$", result.Stdout);
        Assert.Matches(@"(?m)^US-TX-3\s+US Texas 3\s+SECURE\s+HIGH$", result.Stdout);
        // Name resolution reuses the availability list: one request in all.
        Assert.Single(await CatalogRequestsAsync());
    }

    [Fact]
    public async Task Sold_out_everywhere_exits_5_with_one_line_reason()
    {
        await SetStockAsync(Rtx4090, 0);

        var result = await Cli.RunAsync("capacity", "check", "--gpu", "RTX 4090");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("error: no RTX 4090 free in SECURE cloud right now", result.Stderr.TrimEnd());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Shortage_in_the_region_names_where_it_is_available()
    {
        await SetStockAsync(Rtx4090, 0, "US-TX-3");

        var result = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--region", "US-TX-3", "--gpu-count", "2");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.StartsWith("error: no 2x RTX 4090 free in US-TX-3 (SECURE cloud); available in ", result.Stderr);
        Assert.Contains("US-KS-2", result.Stderr);
        Assert.Contains("count=2", Assert.Single(await CatalogRequestsAsync())["query"]!.GetValue<string>());

        var elsewhere = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--region", "US-KS-2");
        AssertOk(elsewhere);
        Assert.Matches(@"(?m)^US-KS-2\s", elsewhere.Stdout);
        Assert.DoesNotMatch(@"(?m)^US-TX-3\s", elsewhere.Stdout);
    }

    [Fact]
    public async Task Low_stock_is_available_until_the_count_exceeds_it()
    {
        await SetStockAsync(Rtx4090, 0);
        await SetStockAsync(Rtx4090, 2, "EU-RO-1", "SECURE");

        AssertOk(await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--gpu-count", "2"));
        var three = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--gpu-count", "3");
        Assert.True(three.ExitCode == 5, three.ToString());
    }

    [Fact]
    public async Task Not_offered_in_the_cloud_or_machine_too_small_are_explained()
    {
        var community = await Cli.RunAsync("capacity", "check", "--gpu", "a100 sxm", "--cloud-type", "community");
        Assert.True(community.ExitCode == 5, community.ToString());
        Assert.Equal("error: A100 SXM is not offered in COMMUNITY cloud", community.Stderr.TrimEnd());

        var tooMany = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--cloud-type", "community", "--gpu-count", "8");
        Assert.True(tooMany.ExitCode == 5, tooMany.ToString());
        Assert.Equal("error: RTX 4090 machines in COMMUNITY cloud have at most 4 GPUs (asked for 8)", tooMany.Stderr.TrimEnd());
    }

    [Fact]
    public async Task Cloud_type_all_succeeds_when_either_cloud_has_stock()
    {
        await SetStockAsync(Rtx4090, 0, cloud: "SECURE");

        var result = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--cloud-type", "all");

        AssertOk(result);
        Assert.Contains("COMMUNITY", result.Stdout);
        Assert.DoesNotContain("SECURE", result.Stdout);
    }

    [Fact]
    public async Task Unknown_gpu_exits_2_with_did_you_mean_not_a_shortage()
    {
        var typo = await Cli.RunAsync("capacity", "check", "--gpu", "rtx 4009");
        AssertUsageError(typo, "unknown GPU type 'rtx 4009' for --gpu", "did you mean", "\"RTX 4090\"");

        var ambiguous = await Cli.RunAsync("capacity", "check", "--gpu", "a100");
        AssertUsageError(ambiguous, "ambiguous", "A100 SXM", "A100 PCIe");
    }

    [Fact]
    public async Task Json_is_the_gpu_type_scoped_to_the_region_even_when_unavailable()
    {
        await SetStockAsync(Rtx4090, 0, "US-TX-3");

        var result = await Cli.RunAsync("capacity", "check", "--gpu", "4090", "--region", "US-TX-3", "-o", "json");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal(Rtx4090, result.Json["id"]!.GetValue<string>());
        Assert.Equal("NONE", result.Json["availability"]!.GetValue<string>());
        Assert.Null(result.Json["dataCenters"]);
        Assert.Contains("\"code\":5", result.Stderr);
    }
}
