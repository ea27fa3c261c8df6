namespace RunPod.Api.Catalog;

/// <summary>
/// Query parameters of <c>/v2/catalog/gpus</c> with availability. Arrays are comma-separated
/// (form, explode=false). Every field is only valid with <c>include=AVAILABILITY</c>, which this
/// always sends together with the <c>product</c> it requires.
/// </summary>
public sealed record GpuAvailabilityQuery
{
    public string Product { get; init; } = "POD";
    /// <summary>SECURE or COMMUNITY; null leaves RunPod's default (SECURE).</summary>
    public string? Cloud { get; init; }
    public int? Count { get; init; }
    public IReadOnlyList<string> CountryCodes { get; init; } = [];
    public IReadOnlyList<string> CudaVersions { get; init; } = [];
    public string? MinCudaVersion { get; init; }

    public string ToQueryString()
    {
        var parts = new List<string> { "include=AVAILABILITY", "product=" + Product };
        if (Cloud is not null)
            parts.Add("cloud=" + Cloud);
        if (Count is { } count)
            parts.Add("count=" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (CountryCodes.Count > 0)
            parts.Add("countryCodes=" + Join(CountryCodes));
        if (CudaVersions.Count > 0)
            parts.Add("cudaVersions=" + Join(CudaVersions));
        if (MinCudaVersion is not null)
            parts.Add("minCudaVersion=" + Uri.EscapeDataString(MinCudaVersion));
        return string.Join("&", parts);
    }

    private static string Join(IEnumerable<string> values) => string.Join(",", values.Select(Uri.EscapeDataString));
}

/// <summary>Query parameters of <c>/v2/catalog/datacenters</c>; each family combines with AND.</summary>
public sealed record DataCenterQuery
{
    /// <summary>GPU_AVAILABILITY and/or CPU_AVAILABILITY.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> NetworkVolumeTypes { get; init; } = [];
    public IReadOnlyList<string> Compliance { get; init; } = [];
    public bool? GlobalNetwork { get; init; }

    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
                parts.Add(name + "=" + string.Join(",", values.Select(Uri.EscapeDataString)));
        }

        Add("include", Include);
        Add("regions", Regions);
        Add("networkVolumeTypes", NetworkVolumeTypes);
        Add("compliance", Compliance);
        if (GlobalNetwork is { } global)
            parts.Add("globalNetwork=" + (global ? "true" : "false"));
        return string.Join("&", parts);
    }
}
