namespace RunPod.Api.Catalog;

/// <summary>A CPU flavor from <c>/v2/catalog/cpus</c> (schema <c>CpuType</c>).</summary>
public sealed class CpuType : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Group { get; init; }
    public VcpuRange? Vcpu { get; init; }
    public double RamGbPerVcpu { get; init; }
    public CpuPrice? Price { get; init; }
    public string? Availability { get; init; }
    public List<DataCenterAvailability>? DataCenters { get; init; }
}

public sealed record VcpuRange(int Min, int Max);

public sealed record CpuPrice(double SecurePerVcpu, double ServerlessPerVcpu);
