using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class CapacityListTests(EmulatorFixture emulator) : CapacityTestBase(emulator)
{
    [Fact]
    public async Task List_answers_in_one_request_with_availability_for_pods()
    {
        var result = await Cli.RunAsync("capacity", "list", "-o", "json");

        AssertOk(result);
        var requests = await CatalogRequestsAsync();
        var only = Assert.Single(requests);
        Assert.Equal("/v2/catalog/gpus", only["path"]!.GetValue<string>());
        Assert.Equal("include=AVAILABILITY&product=POD&cloud=SECURE", only["query"]!.GetValue<string>());
        // JSON is the v2 GpuType as the API returned it.
        var gpu = Gpu(result, Rtx4090);
        Assert.Equal("RTX 4090", gpu["name"]!.GetValue<string>());
        Assert.Equal(0.44, gpu["price"]!["secure"]!.GetValue<double>());
        Assert.NotNull(gpu["availability"]);
        Assert.NotNull(gpu["maxCount"]);
        Assert.Contains(gpu["dataCenters"]!.AsArray(), dc => dc!["id"]!.GetValue<string>() == "US-TX-3");
    }

    [Fact]
    public async Task Every_filter_goes_into_the_same_single_request()
    {
        var result = await Cli.RunAsync("capacity", "list", "--cloud-type", "COMMUNITY", "--gpu-count", "2", "--country", "us,ro",
            "--min-cuda-version", "12.4", "-o", "json");

        AssertOk(result);
        var only = Assert.Single(await CatalogRequestsAsync());
        Assert.Equal("include=AVAILABILITY&product=POD&cloud=COMMUNITY&count=2&countryCodes=US,RO&minCudaVersion=12.4", only["query"]!.GetValue<string>());
        Assert.DoesNotContain("NVIDIA RTX A2000", Ids(result)); // no stock in those countries → dropped upstream
    }

    [Fact]
    public async Task Cuda_versions_are_sent_as_one_comma_separated_list()
    {
        var result = await Cli.RunAsync("capacity", "list", "--cuda-version", "12.8", "--cuda-version", "12.9", "-o", "json");

        AssertOk(result);
        Assert.Equal("include=AVAILABILITY&product=POD&cloud=SECURE&cudaVersions=12.8,12.9", Assert.Single(await CatalogRequestsAsync())["query"]!.GetValue<string>());
        Assert.All(Gpu(result, Rtx4090)["cudaVersions"]?.AsArray() ?? [], v => Assert.Contains(v!["version"]!.GetValue<string>(), new[] { "12.8", "12.9" }));
    }

    [Fact]
    public async Task Table_shows_vram_prices_availability_max_count_and_data_centers()
    {
        var result = await Cli.RunAsync("capacity", "list");

        AssertOk(result);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^GPU\s+ID\s+VRAM\s+SECURE \$/HR\s+COMMUNITY \$/HR\s+SERVERLESS \$/HR\s+AVAILABILITY\s+MAX GPUS\s+DCS$", lines[0]);
        Assert.Matches(@"^RTX 4090\s+NVIDIA GeForce RTX 4090\s+24 GB\s+0\.44\s+0\.31\s+1\.116\s+HIGH\s+8 / 4\s+\d+$", lines.Single(l => l.StartsWith("RTX 4090 ", StringComparison.Ordinal)));
        // Secure-only types show "-" for community rather than a price of 0.
        Assert.Matches(@"^A100 SXM\s+NVIDIA A100-SXM4-80GB\s+80 GB\s+1\.74\s+-\s+", lines.Single(l => l.StartsWith("A100 SXM ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_shortage_shows_as_NONE_and_available_only_hides_it()
    {
        await SetStockAsync(Rtx4090, 0);

        var all = await Cli.RunAsync("capacity", "list", "-o", "json");
        Assert.Equal("NONE", Gpu(all, Rtx4090)["availability"]!.GetValue<string>());
        Assert.Null(Gpu(all, Rtx4090)["dataCenters"]);

        var available = await Cli.RunAsync("capacity", "list", "--available-only", "-o", "json");
        AssertOk(available);
        Assert.DoesNotContain(Rtx4090, Ids(available));
        Assert.DoesNotContain("NVIDIA GeForce RTX 3080", Ids(available)); // no default stock at all
        Assert.Contains("NVIDIA RTX A6000", Ids(available));
    }

    [Fact]
    public async Task Region_keeps_only_gpus_in_that_data_center_with_its_level()
    {
        await SetStockAsync(Rtx4090, 1, "US-TX-3", "SECURE");

        var result = await Cli.RunAsync("capacity", "list", "--region", "us-tx-3", "--available-only", "-o", "json");

        AssertOk(result);
        var gpu = Gpu(result, Rtx4090);
        Assert.Equal("LOW", gpu["availability"]!.GetValue<string>());
        Assert.Equal(["US-TX-3"], gpu["dataCenters"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
        Assert.All(result.Json.AsArray(), g => Assert.All(g!["dataCenters"]!.AsArray(), d => Assert.Equal("US-TX-3", d!["id"]!.GetValue<string>())));
        Assert.Contains("countryCodes=US", Assert.Single(await CatalogRequestsAsync())["query"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vram_price_and_manufacturer_filters()
    {
        var big = await Cli.RunAsync("capacity", "list", "--min-vram", "141", "-o", "json");
        AssertOk(big);
        Assert.All(big.Json.AsArray(), g => Assert.True(g!["memory"]!.GetValue<int>() >= 141));
        Assert.Contains("NVIDIA H200", Ids(big));

        var cheap = await Cli.RunAsync("capacity", "list", "--max-price", "0.3", "-o", "json");
        Assert.All(cheap.Json.AsArray(), g => Assert.True(g!["price"]!["secure"]!.GetValue<double>() <= 0.3));
        Assert.Contains("NVIDIA RTX A5000", Ids(cheap));
        Assert.DoesNotContain(Rtx4090, Ids(cheap));

        // Community price is the one compared with --cloud-type community; secure-only types drop out.
        var communityCheap = await Cli.RunAsync("capacity", "list", "--cloud-type", "community", "--max-price", "0.31", "-o", "json");
        Assert.Contains(Rtx4090, Ids(communityCheap));
        Assert.DoesNotContain("NVIDIA A100-SXM4-80GB", Ids(communityCheap));

        var amd = await Cli.RunAsync("capacity", "list", "--manufacturer", "AMD", "-o", "json");
        Assert.Equal(["AMD Instinct MI300X OAM"], Ids(amd));
    }

    [Theory]
    [InlineData("price", false)]
    [InlineData("vram", false)]
    [InlineData("name", false)]
    [InlineData("availability", true)]
    [InlineData("PRICE", true)]
    public async Task Sort_by_each_key_in_either_direction(string key, bool desc)
    {
        string[] args = ["capacity", "list", "--sort-by", key, "-o", "json"];
        var result = await Cli.RunAsync(desc ? [.. args, "--desc"] : args);

        AssertOk(result);
        var gpus = result.Json.AsArray().Select(g => g!).ToList();
        IComparable Key(System.Text.Json.Nodes.JsonNode g) => key.ToLowerInvariant() switch
        {
            "vram" => g["memory"]!.GetValue<int>(),
            "name" => g["name"]!.GetValue<string>().ToUpperInvariant(),
            "availability" => Array.IndexOf(new[] { "NONE", "LOW", "MEDIUM", "HIGH" }, g["availability"]!.GetValue<string>()),
            _ => g["price"]!["secure"]!.GetValue<double>(),
        };
        for (var i = 1; i < gpus.Count; i++)
        {
            var order = Key(gpus[i - 1]).CompareTo(Key(gpus[i]));
            Assert.True(desc ? order >= 0 : order <= 0, $"{key} desc={desc}: {gpus[i - 1]["name"]} before {gpus[i]["name"]}");
        }
        Assert.True(gpus.Select(Key).Distinct().Count() > 1, "the sort key should vary");
    }

    [Fact]
    public async Task Csv_and_yaml_come_from_the_same_objects()
    {
        var csv = await Cli.RunAsync("capacity", "list", "--manufacturer", "amd", "-o", "csv");
        AssertOk(csv);
        Assert.StartsWith("id,name,pool,manufacturer,memory,secure,community,price.secure,price.community,maxCount.secure,maxCount.community,availability", csv.Stdout);
        Assert.Contains("AMD Instinct MI300X OAM,MI300X,,AMD,192", csv.Stdout);

        var yaml = await Cli.RunAsync("capacity", "list", "--manufacturer", "amd", "-o", "yaml");
        AssertOk(yaml);
        Assert.Contains("id: AMD Instinct MI300X OAM", yaml.Stdout);
        Assert.Contains("memory: 192", yaml.Stdout);
    }

    [Fact]
    public async Task Cloud_type_all_asks_each_cloud_once_and_merges()
    {
        await SetStockAsync(Rtx4090, 0, cloud: "SECURE");

        var result = await Cli.RunAsync("capacity", "list", "--cloud-type", "all", "-o", "json");

        AssertOk(result);
        var queries = (await CatalogRequestsAsync()).Select(r => r["query"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["include=AVAILABILITY&product=POD&cloud=COMMUNITY", "include=AVAILABILITY&product=POD&cloud=SECURE"], queries);
        // Sold out in SECURE, but COMMUNITY stock keeps it available.
        Assert.NotEqual("NONE", Gpu(result, Rtx4090)["availability"]!.GetValue<string>());
        Assert.Equal(1, Ids(result).Count(id => id == Rtx4090));
    }
}
