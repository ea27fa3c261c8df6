using RunPod.Emulator.Http;

namespace RunPod.Emulator.Volumes;

/// <summary>CreateNetworkVolumeRequest and UpdateNetworkVolumeRequest of the OpenAPI contract.</summary>
internal static class VolumeSchemas
{
    public const int MinSize = 10;
    public const int MaxSize = 4096;

    public static readonly string[] Types = ["STANDARD", "HIGH_PERFORMANCE"];

    public static readonly ObjectRule Create = new(new Dictionary<string, JsonRule>
    {
        ["dataCenter"] = new StringRule(MinLength: 1),
        ["name"] = new StringRule(MinLength: 1),
        ["size"] = new IntegerRule(MinSize, MaxSize),
        ["type"] = new StringRule(OneOf: Types),
    }, ["name", "size", "dataCenter"]);

    public static readonly ObjectRule Update = new(new Dictionary<string, JsonRule>
    {
        ["name"] = new StringRule(MinLength: 1),
        ["size"] = new IntegerRule(MinSize, MaxSize),
    }, MinProperties: 1);
}
