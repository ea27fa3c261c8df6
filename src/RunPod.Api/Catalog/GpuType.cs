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
    public List<GpuDataCenterAvailability>? DataCenters { get; init; }
}

public sealed record GpuPrice(double Secure, double Community, double? Serverless);

public sealed record GpuMaxCount(int Secure, int Community);

public sealed record GpuDataCenterAvailability(string Id, string? Name, string Availability);
