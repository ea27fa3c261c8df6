namespace RunPod.Api.Templates;

/// <summary>A template as REST v2 returns it (schema <c>Template</c>).</summary>
public sealed class Template : ApiObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Image { get; init; } = "";
    public string? Args { get; init; }
    public int? Disk { get; init; }
    public Dictionary<string, string>? Env { get; init; }
    public List<string>? Ports { get; init; }
    public string? Registry { get; init; }
    public bool Serverless { get; init; }
    public bool Public { get; init; }
    public string? Category { get; init; }
    public bool StartSsh { get; init; }
    public bool StartJupyter { get; init; }
    public List<string>? AllowedCudaVersions { get; init; }
}

/// <summary>The slices of the public catalog (<c>/v2/catalog/templates?source=</c>).</summary>
public static class TemplateSource
{
    public const string Official = "official";
    public const string Verified = "verified";
    public const string Community = "community";

    public static readonly IReadOnlyList<string> All = [Official, Verified, Community];
}
