using RunPod.Emulator.Catalog;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Simulation;

internal sealed record Placement(string DataCenterId, string Cloud, string? CudaVersion);

/// <summary>
/// Picks a data center with enough free capacity, honouring cloud, preferred DCs (in order),
/// country, CUDA constraints, global networking and a network volume's DC. Without
/// preferences it takes the DC with the most free units, like a real scheduler spreading load.
/// </summary>
internal sealed class Scheduler(CapacityLedger capacity)
{
    public Placement Place(StateTransaction tx, PodSpec spec, string? pinnedDataCenter)
    {
        var clouds = spec.Cloud == "ALL" ? Clouds.All : [spec.Cloud];
        var gpu = spec.GpuId is null ? null : CatalogSeed.Gpu(spec.GpuId);
        var resourceId = spec.GpuId ?? spec.CpuId ?? "";
        var units = gpu is null ? spec.VcpuCount : spec.GpuCount;

        // GraphQL placement floors beyond the largest emulated host (32 vCPU, 251 GB per GPU) cannot be met.
        if (spec.MinVcpuCount > 32 || spec.MinMemoryInGb > 251)
        {
            throw ApiException.NoCapacity();
        }
        foreach (var cloud in clouds)
        {
            if (gpu is not null && (!gpu.OfferedIn(cloud) || spec.GpuCount > gpu.MaxCount(cloud)))
            {
                continue;
            }
            var candidates = Candidates(spec, pinnedDataCenter)
                .Select(dc => (dc, cuda: gpu is null ? null : DefaultStock.HostCuda(gpu, dc)))
                .Where(c => gpu is null || CudaAllowed(c.cuda, spec))
                .Select(c => (c.dc, c.cuda, free: capacity.Free(tx, resourceId, c.dc.Id, cloud)))
                .Where(c => c.free >= units)
                .ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            var chosen = spec.DataCenterIds.Count > 0 ? candidates[0] : candidates.OrderByDescending(c => c.free).First();
            return new Placement(chosen.dc.Id, cloud, chosen.cuda);
        }
        throw ApiException.NoCapacity();
    }

    private static IEnumerable<DataCenterSeed> Candidates(PodSpec spec, string? pinnedDataCenter)
    {
        IEnumerable<DataCenterSeed> dcs = spec.DataCenterIds.Count > 0
            ? spec.DataCenterIds.Select(CatalogSeed.DataCenter).OfType<DataCenterSeed>()
            : CatalogSeed.DataCenters;
        if (pinnedDataCenter is not null)
        {
            dcs = dcs.Where(dc => dc.Id == pinnedDataCenter);
        }
        if (spec.CountryCode is { Length: > 0 } country)
        {
            dcs = dcs.Where(dc => dc.CountryCode == country);
        }
        if (spec.GlobalNetworking)
        {
            dcs = dcs.Where(dc => dc.GlobalNetwork);
        }
        return dcs;
    }

    public static bool CudaAllowed(string? hostCuda, PodSpec spec)
    {
        if (spec.AllowedCudaVersions is { Count: > 0 } allowed)
        {
            return hostCuda is not null && allowed.Contains(hostCuda);
        }
        if (spec.MinCudaVersion is { } floor)
        {
            return hostCuda is not null && CudaVersion.Compare(hostCuda, floor) >= 0;
        }
        return true;
    }
}

/// <summary>CUDA versions compare numerically per component: 12.11 is above 12.2.</summary>
internal static class CudaVersion
{
    public static int Compare(string a, string b)
    {
        var (aMajor, aMinor) = Parse(a);
        var (bMajor, bMinor) = Parse(b);
        return aMajor != bMajor ? aMajor.CompareTo(bMajor) : aMinor.CompareTo(bMinor);
    }

    private static (int Major, int Minor) Parse(string version)
    {
        var parts = version.Split('.');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    }
}
