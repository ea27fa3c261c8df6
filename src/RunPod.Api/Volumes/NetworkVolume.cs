namespace RunPod.Api.Volumes;

/// <summary>A network volume as REST v2 returns it (schema <c>NetworkVolume</c>).</summary>
public sealed class NetworkVolume : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public int Size { get; init; }
    public string DataCenter { get; init; } = "";
    public string? Type { get; init; }
}

/// <summary><c>CreateNetworkVolumeRequest</c>: size in GB (10–4096); type defaults to the data center's primary tier.</summary>
public sealed record CreateNetworkVolumeRequest(string Name, int Size, string DataCenter, string? Type = null);

/// <summary>Limits and tiers of network volumes.</summary>
public static class NetworkVolumeLimits
{
    public const int MinSize = 10;
    public const int MaxSize = 4096;
    public const string Standard = "STANDARD";
    public const string HighPerformance = "HIGH_PERFORMANCE";
}
