using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>capacity regions, compare and cpus against the emulator.</summary>
public sealed class CapacityViewsTests(EmulatorFixture emulator) : CapacityTestBase(emulator)
{
    [Fact]
    public async Task Regions_show_location_region_compliance_and_volume_types()
    {
        var result = await Cli.RunAsync("capacity", "regions");

        AssertOk(result);
        Assert.Matches(@"(?m)^ID\s+LOCATION\s+COUNTRY\s+REGION\s+GLOBAL NET\s+VOLUMES\s+COMPLIANCE$", result.Stdout);
        Assert.Matches(@"(?m)^US-KS-2\s+US Kansas 2\s+US\s+NORTH_AMERICA\s+yes\s+STANDARD,HIGH_PERFORMANCE\s+SOC_2_TYPE_2,ISO_IEC_27001$", result.Stdout);
        Assert.Equal("", Assert.Single(await CatalogRequestsAsync())["query"]!.GetValue<string>());
    }

    [Fact]
    public async Task Regions_filter_by_compliance_and_global_network_server_side()
    {
        var result = await Cli.RunAsync("capacity", "regions", "--compliance", "soc_2_type_2,iso-iec-27001", "--global-network", "-o", "json");

        AssertOk(result);
        Assert.Equal(["US-KS-2"], Ids(result));
        Assert.Equal("compliance=SOC_2_TYPE_2,ISO_IEC_27001&globalNetwork=true", Assert.Single(await CatalogRequestsAsync())["query"]!.GetValue<string>());

        var global = await Cli.RunAsync("capacity", "regions", "--global-network", "-o", "json");
        Assert.All(global.Json.AsArray(), d => Assert.True(d!["globalNetwork"]!.GetValue<bool>()));
        Assert.DoesNotContain("EUR-IS-1", Ids(global));
    }

    [Fact]
    public async Task Regions_with_a_gpu_show_its_availability_per_data_center()
    {
        await SetStockAsync(Rtx4090, 1, "US-TX-3");
        await SetStockAsync(Rtx4090, 0, "EU-RO-1");

        var result = await Cli.RunAsync("capacity", "regions", "--gpu", "4090");

        AssertOk(result);
        Assert.Matches(@"(?m)^US-TX-3\s.*\sLOW$", result.Stdout);
        Assert.Matches(@"(?m)^EU-RO-1\s.*\sNONE$", result.Stdout);
        Assert.Matches(@"(?m)^US-KS-2\s.*\sHIGH$", result.Stdout);
        Assert.Contains(await CatalogRequestsAsync(), r => r["query"]!.GetValue<string>() == "include=GPU_AVAILABILITY");

        var json = await Cli.RunAsync("capacity", "regions", "--gpu", "4090", "-o", "json");
        Assert.NotNull(json.Json.AsArray().First(d => d!["id"]!.GetValue<string>() == "US-TX-3")!["gpuAvailability"]);
    }

    [Fact]
    public async Task Compare_puts_gpus_side_by_side_with_price_per_gb()
    {
        var result = await Cli.RunAsync("capacity", "compare", "4090", "a6000");

        AssertOk(result);
        Assert.Matches(@"(?m)^GPU\s+VRAM\s+SECURE \$/HR\s+COMMUNITY \$/HR\s+SERVERLESS \$/HR\s+\$/GB-HR\s+AVAILABILITY\s+MAX GPUS$", result.Stdout);
        Assert.Matches(@"(?m)^RTX 4090\s+24 GB\s+0\.44\s+0\.31\s+1\.116\s+0\.0183\s+HIGH\s+8 / 4$", result.Stdout);
        Assert.Matches(@"(?m)^RTX A6000\s+48 GB\s+0\.49\s+0\.37\s+1\.224\s+0\.0102\s+", result.Stdout);
        Assert.DoesNotContain("█", result.Stdout); // piped: plain table only
        Assert.Single(await CatalogRequestsAsync());
    }

    [Fact]
    public async Task Compare_on_a_terminal_draws_a_price_chart_marking_the_cheapest()
    {
        Cli.StdoutIsTerminal = true;

        var colored = await Cli.RunAsync("capacity", "compare", "l40s", "4090", "a6000");

        AssertOk(colored);
        Assert.Matches(@"(?m)^RTX 4090\s+\u001b\[32m█+\u001b\[0m \$0\.44  ← cheapest$", colored.Stdout);
        Assert.Matches(@"(?m)^L40S\s+█{30} \$0\.86$", colored.Stdout);

        Cli.Environment["NO_COLOR"] = "1";
        var plain = await Cli.RunAsync("capacity", "compare", "l40s", "4090", "--cloud-type", "community");
        Assert.Contains("Price per GPU-hour (community cloud)", plain.Stdout);
        Assert.DoesNotContain("\u001b[", plain.Stdout);
        Assert.Matches(@"(?m)^RTX 4090\s+█+ \$0\.31  ← cheapest$", plain.Stdout);
    }

    [Fact]
    public async Task Compare_expands_a_pool_and_outputs_v2_objects()
    {
        var result = await Cli.RunAsync("capacity", "compare", "AMPERE_80", "h100 nvl", "-o", "json");

        AssertOk(result);
        Assert.Equal(["NVIDIA A100 80GB PCIe", "NVIDIA A100-SXM4-80GB", "NVIDIA H100 NVL"], Ids(result));
        Assert.NotNull(result.Json[0]!["availability"]);
    }

    [Fact]
    public async Task Compare_needs_two_known_gpus()
    {
        AssertUsageError(await Cli.RunAsync("capacity", "compare", "4090"), "at least two different GPU types");
        AssertUsageError(await Cli.RunAsync("capacity", "compare", "4090", "rtx 4090"), "at least two different GPU types");
        AssertUsageError(await Cli.RunAsync("capacity", "compare", "4090", "a6001"), "did you mean \"RTX A6000\"");
    }

    [Fact]
    public async Task Cpus_show_flavors_with_availability_and_follow_stock()
    {
        var result = await Cli.RunAsync("capacity", "cpus");
        AssertOk(result);
        Assert.Matches(@"(?m)^ID\s+NAME\s+GROUP\s+VCPUS\s+RAM/VCPU\s+SECURE \$/VCPU-HR\s+SERVERLESS \$/VCPU-HR\s+AVAILABILITY\s+DCS$", result.Stdout);
        Assert.Matches(@"(?m)^cpu5c\s+Compute-Optimized\s+Gen 5\s+2-32\s+2 GB\s+0\.04\s+0\.03\s+HIGH\s+\d+$", result.Stdout);

        await Emulator.AdminPostAsync("/_emulator/capacity", """{"cpuTypeId":"cpu5c","available":0}""");
        var json = await Cli.RunAsync("capacity", "cpus", "--vcpus", "8", "-o", "json");
        AssertOk(json);
        Assert.Equal("NONE", json.Json.AsArray().Single(c => c!["id"]!.GetValue<string>() == "cpu5c")!["availability"]!.GetValue<string>());
        var available = await Cli.RunAsync("capacity", "cpus", "--available-only", "-o", "json");
        Assert.DoesNotContain("cpu5c", Ids(available));
        Assert.Contains("cpu5g", Ids(available));
        Assert.Contains(await CatalogRequestsAsync(), r => r["query"]!.GetValue<string>() == "include=AVAILABILITY&product=POD&vcpuCount=8");
    }
}
