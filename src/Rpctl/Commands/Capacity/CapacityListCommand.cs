using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Capacity;

/// <summary>GPU types with prices and availability: one catalog request per cloud, filtered and sorted here.</summary>
internal static class CapacityListCommand
{
    public static Command Create(Invocation inv)
    {
        var cloudType = CapacityOptions.CloudType();
        var gpuCount = CapacityOptions.GpuCount();
        var minVram = ValidatedOptions.Int("--min-vram", "Only GPUs with at least this much VRAM", min: 1, helpName: "GB");
        var maxPrice = ValidatedOptions.Decimal("--max-price", "Only GPUs at most this price per GPU-hour in the chosen cloud", min: 0, helpName: "USD");
        var region = CapacityOptions.Region();
        var country = CapacityOptions.Country();
        var cuda = new Option<string[]>("--cuda-version") { Description = "Only hosts with exactly this CUDA version, e.g. 12.8 (repeatable or comma-separated)", HelpName = "V" };
        var minCuda = new Option<string?>("--min-cuda-version") { Description = "Only hosts with at least this CUDA version, e.g. 12.4", HelpName = "V" };
        var availableOnly = CapacityOptions.AvailableOnly();
        var manufacturer = ValidatedOptions.Choice("--manufacturer", "Only this GPU maker", "nvidia", "amd");
        var sortBy = ValidatedOptions.Choice("--sort-by", "Sort key, ascending (default price)", "price", "vram", "name", "availability");
        var desc = new Option<bool>("--desc") { Description = "Sort descending" };

        return new Command("list", CommandExtensions.Describe("List GPU types with VRAM, prices and availability",
                "rpctl capacity list", "rpctl capacity list --min-vram 48 --max-price 1 --available-only",
                "rpctl capacity list --gpu-count 8 --cloud-type community --sort-by availability --desc", "rpctl capacity list --country RO -o json"))
            .With(cloudType, gpuCount, minVram, maxPrice, region, country, cuda, minCuda, availableOnly, manufacturer, sortBy, desc)
            .Runs(inv, async (parse, ct) =>
            {
                var regions = CapacityOptions.Regions(parse, region);
                var cudaVersions = CapacityOptions.Split(parse.GetValue(cuda));
                foreach (var v in cudaVersions.Where(v => !CapacityOptions.IsCudaVersion(v)))
                    throw CliException.BadValue("--cuda-version", v, "expected major.minor such as 12.8");
                var min = parse.GetValue(minCuda);
                if (min is not null && !CapacityOptions.IsMinCudaVersion(min))
                    throw CliException.BadValue("--min-cuda-version", min, "expected a version such as 12 or 12.4");
                if (cudaVersions.Count > 0 && min is not null)
                    throw CliException.Usage("--cuda-version and --min-cuda-version cannot be combined: use an exact list or a floor");
                var scope = CapacityOptions.Scope(parse.GetValue(cloudType), parse.GetValue(gpuCount), regions,
                    CapacityOptions.Countries(parse, country), cudaVersions, min);

                var gpus = GpuAvailability.Merge(await GpuAvailability.FetchAsync(inv, scope, ct));
                var maker = parse.GetValue(manufacturer)?.ToUpperInvariant();
                var selected = gpus
                    .Select(g => regions.Count > 0 ? GpuAvailability.ScopeToDataCenters(g, regions) : g)
                    .Where(g => maker is null || JsonPath.Text(g, "manufacturer") == maker)
                    .Where(g => parse.GetValue(minVram) is not { } vram || (JsonPath.At(g, "memory")?.GetValue<int>() ?? 0) >= vram)
                    .Where(g => parse.GetValue(maxPrice) is not { } cap || GpuAvailability.Price(g, scope) <= cap)
                    .Where(g => !parse.GetValue(availableOnly) || JsonPath.Text(g, "availability") is not ("NONE" or ""))
                    .ToList();
                var sorted = Sort(selected, parse.GetValue(sortBy) ?? "price", scope, parse.GetValue(desc));
                inv.Output.WriteList(sorted, GpuTypeView.Spec);
                return ExitCodes.Success;
            });
    }

    /// <summary>Ascending by the key (cheapest, smallest, A→Z, NONE→HIGH); --desc reverses; ties by name A→Z.</summary>
    internal static List<JsonNode> Sort(IEnumerable<JsonObject> gpus, string key, CapacityScope scope, bool descending)
    {
        Func<JsonObject, string> name = g => JsonPath.Text(g, "name");
        if (key == "name")
            return [.. descending ? gpus.OrderByDescending(name, StringComparer.OrdinalIgnoreCase) : gpus.OrderBy(name, StringComparer.OrdinalIgnoreCase)];
        Func<JsonObject, double> primary = key switch
        {
            "vram" => g => JsonPath.At(g, "memory")?.GetValue<int>() ?? 0,
            "availability" => g => GpuAvailability.Rank(JsonPath.Text(g, "availability")),
            // Not offered in the chosen cloud: last, whatever the direction.
            _ => g => GpuAvailability.Price(g, scope) ?? (descending ? double.MinValue : double.MaxValue),
        };
        var ordered = (descending ? gpus.OrderByDescending(primary) : gpus.OrderBy(primary)).ThenBy(name, StringComparer.OrdinalIgnoreCase);
        return [.. ordered];
    }
}
