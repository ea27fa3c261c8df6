namespace RunPod.Api.Catalog;

/// <summary>A data center from <c>/v2/catalog/datacenters</c> (schema <c>DataCenter</c>).</summary>
public sealed class DataCenter : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Region { get; init; }
    public bool GlobalNetwork { get; init; }
    public List<string> NetworkVolumeTypes { get; init; } = [];
    public List<string> Compliance { get; init; } = [];
    public List<DataCenterAvailability>? GpuAvailability { get; init; }
    public List<DataCenterAvailability>? CpuAvailability { get; init; }
}
