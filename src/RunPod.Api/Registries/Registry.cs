namespace RunPod.Api.Registries;

/// <summary>A container registry credential (schema <c>Registry</c>): only id and name; the credentials are write-only.</summary>
public sealed class Registry : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
}
