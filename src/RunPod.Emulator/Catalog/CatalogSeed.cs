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
    public static GpuSeed? Gpu(string id) => Index.Gpus.GetValueOrDefault(id);
    public static CpuSeed? Cpu(string id) => Index.Cpus.GetValueOrDefault(id);
    public static DataCenterSeed? DataCenter(string id) => Index.DataCenters.GetValueOrDefault(id);

    /// <summary>A nested class so its initialiser runs after the seed arrays (field order across partial files is undefined).</summary>
    private static class Index
    {
        public static readonly Dictionary<string, GpuSeed> Gpus = CatalogSeed.Gpus.ToDictionary(g => g.Id, StringComparer.Ordinal);
        public static readonly Dictionary<string, CpuSeed> Cpus = CatalogSeed.Cpus.ToDictionary(c => c.Id, StringComparer.Ordinal);
        public static readonly Dictionary<string, DataCenterSeed> DataCenters = CatalogSeed.DataCenters.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }
}
