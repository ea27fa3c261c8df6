namespace RunPod.Api.Catalog;

/// <summary>A data center from <c>/v2/catalog/datacenters</c> (schema <c>DataCenter</c>).</summary>
public sealed class DataCenter : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Region { get; init; }
    public List<string> NetworkVolumeTypes { get; init; } = [];
    public bool GlobalNetwork { get; init; }
}
