namespace RunPod.Emulator.Catalog;

/// <summary>One GPU type. Always offered in SECURE; <see cref="Community"/> says whether COMMUNITY has it too.</summary>
internal sealed record GpuSeed(
    string Id, string Name, int Memory, string Manufacturer, string? Pool,
    double SecurePrice, double CommunityPrice, bool EmulatorDefaultPrice, double? ServerlessPerHour,
    bool Community, int MaxSecure, int MaxCommunity)
{
    public bool IsAmd => Manufacturer == "AMD";

    public double Price(string cloud) => cloud == Clouds.Community ? CommunityPrice : SecurePrice;

    public int MaxCount(string cloud) => cloud == Clouds.Community ? MaxCommunity : MaxSecure;

    public bool OfferedIn(string cloud) => cloud != Clouds.Community || Community;
}

internal sealed record DataCenterSeed(
    string Id, string Name, string CountryCode, string Region, bool GlobalNetwork, string[] Compliance, string[] NetworkVolumeTypes);

internal sealed record CpuSeed(
    string Id, string Name, string Group, int VcpuMin, int VcpuMax, double RamGbPerVcpu, double SecurePerVcpu, double ServerlessPerVcpu);

internal static class Clouds
{
    public const string Secure = "SECURE";
    public const string Community = "COMMUNITY";
    public static readonly string[] All = [Secure, Community];
}

/// <summary>
/// The catalog, seeded from RunPod's docs (see CatalogSeed.Data.cs). Pod prices the docs do not
/// publish are emulator defaults (<see cref="GpuSeed.EmulatorDefaultPrice"/>), not RunPod's prices.
/// </summary>
internal static partial class CatalogSeed
{
    private static readonly Dictionary<string, GpuSeed> GpusById = Gpus.ToDictionary(g => g.Id, StringComparer.Ordinal);
    private static readonly Dictionary<string, CpuSeed> CpusById = Cpus.ToDictionary(c => c.Id, StringComparer.Ordinal);
    private static readonly Dictionary<string, DataCenterSeed> DataCentersById = DataCenters.ToDictionary(d => d.Id, StringComparer.Ordinal);

    public static GpuSeed? Gpu(string id) => GpusById.GetValueOrDefault(id);
    public static CpuSeed? Cpu(string id) => CpusById.GetValueOrDefault(id);
    public static DataCenterSeed? DataCenter(string id) => DataCentersById.GetValueOrDefault(id);
}
