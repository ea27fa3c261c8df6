namespace RunPod.Api.Catalog;

/// <summary>A GPU type from <c>/v2/catalog/gpus</c> (schema <c>GpuType</c>).</summary>
public sealed class GpuType : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Pool { get; init; }
    public string? Manufacturer { get; init; }
    public int Memory { get; init; }
    public bool Secure { get; init; }
    public bool Community { get; init; }
    public GpuPrice? Price { get; init; }
    public GpuMaxCount? MaxCount { get; init; }
    public string? Availability { get; init; }
    public List<DataCenterAvailability>? DataCenters { get; init; }
    public List<CudaVersionAvailability>? CudaVersions { get; init; }
}

public sealed record GpuPrice(double Secure, double Community, double? Serverless);

public sealed record GpuMaxCount(int Secure, int Community);

/// <summary>Schema <c>DataCenterAvailability</c> / <c>CatalogResourceAvailability</c>: an id, a name and a level.</summary>
public sealed record DataCenterAvailability(string Id, string? Name, string Availability);

public sealed record CudaVersionAvailability(string Version, bool Available);
