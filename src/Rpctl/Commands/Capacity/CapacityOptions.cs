using System.CommandLine;
using System.Text.RegularExpressions;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Capacity;

/// <summary>Options the capacity commands share, and their validation (all before any request).</summary>
internal static partial class CapacityOptions
{
    public static Option<string?> CloudType() =>
        ValidatedOptions.Choice("--cloud-type", "Cloud to check availability in (default secure)", "secure", "community", "all");

    public static Option<int?> GpuCount() =>
        ValidatedOptions.Int("--gpu-count", "Availability for a machine with this many GPUs (default 1)", min: 1, max: ValidatedOptions.MaxGpuCount);

    public static Option<string[]> Region() =>
        new("--region") { Description = "Only this data center, e.g. US-TX-3 (repeatable or comma-separated)", HelpName = "DC" };

    public static Option<string[]> Country() =>
        new("--country") { Description = "Only data centers in this country, e.g. US (repeatable or comma-separated)", HelpName = "CC" };

    public static Option<bool> AvailableOnly() => new("--available-only") { Description = "Hide what has no stock right now" };

    public static List<string> Regions(ParseResult parse, Option<string[]> option)
    {
        var regions = Split(parse.GetValue(option)).Select(r => r.ToUpperInvariant()).Distinct().ToList();
        foreach (var r in regions.Where(r => !DataCenterPattern().IsMatch(r)))
            throw CliException.BadValue("--region", r, "expected a data center id such as US-TX-3 (see 'rpctl capacity regions')");
        return regions;
    }

    public static List<string> Countries(ParseResult parse, Option<string[]> option)
    {
        var countries = Split(parse.GetValue(option)).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        foreach (var c in countries.Where(c => !CountryPattern().IsMatch(c)))
            throw CliException.BadValue("--country", c, "expected a two-letter country code such as US or RO");
        return countries;
    }

    /// <summary>
    /// The scope of one availability query. A --region narrows the request to its country
    /// (RunPod filters by country server-side); the data center itself is picked out client-side.
    /// </summary>
    public static CapacityScope Scope(string? cloudType, int? gpuCount, IReadOnlyList<string> regions, IReadOnlyList<string> countries,
        IReadOnlyList<string>? cudaVersions = null, string? minCudaVersion = null)
    {
        var regionCountries = regions.Select(CountryDataCenters.CountryOf).Where(c => c.Length == 2).Distinct().ToList();
        if (countries.Count > 0 && regionCountries.Count > 0 && !regionCountries.Any(countries.Contains))
            throw CliException.Usage($"none of the --region data centers ({string.Join(", ", regions)}) is in --country {string.Join(", ", countries)}");
        var scopeCountries = countries.Count > 0 ? countries : regionCountries;
        return new CapacityScope(cloudType ?? "secure", gpuCount, scopeCountries, cudaVersions ?? [], minCudaVersion);
    }

    public static List<string> Split(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    public static bool IsCudaVersion(string v) => CudaPattern().IsMatch(v);

    public static bool IsMinCudaVersion(string v) => MinCudaPattern().IsMatch(v);

    [GeneratedRegex(@"^[A-Z]{2,3}-[A-Z]{2,4}-\d+$")]
    private static partial Regex DataCenterPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex CudaPattern();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex MinCudaPattern();
}
