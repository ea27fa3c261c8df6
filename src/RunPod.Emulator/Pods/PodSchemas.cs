using RunPod.Emulator.Http;

namespace RunPod.Emulator.Pods;

/// <summary>The request schemas of the OpenAPI contract (CreatePodRequest, UpdatePodRequest, PodActionRequest).</summary>
internal static class PodSchemas
{
    private const string CudaPattern = @"^\d+\.\d+$";

    private static readonly ObjectRule Mounts = new(new Dictionary<string, JsonRule>
    {
        ["persistent"] = new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["size"] = new IntegerRule(10),
            ["path"] = new StringRule(),
        }, ["size", "path"]),
        ["network"] = new ArrayRule(new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["volumeId"] = new StringRule(),
            ["path"] = new StringRule(),
        }, ["volumeId", "path"]), MaxItems: 1),
    });

    /// <summary>ContainerConfig: shared by pods, templates and endpoints.</summary>
    internal static Dictionary<string, JsonRule> ContainerConfig() => new()
    {
        ["image"] = new StringRule(),
        ["args"] = new StringRule(),
        ["disk"] = new IntegerRule(1),
        ["env"] = new MapRule(new StringRule()),
        ["ports"] = new ArrayRule(new StringRule()),
        ["registry"] = new StringRule { Nullable = true },
    };

    public static readonly ObjectRule Create = BuildCreate();

    public static readonly ObjectRule Update = BuildUpdate();

    public static readonly ObjectRule Action = new(new Dictionary<string, JsonRule>
    {
        ["action"] = new StringRule(OneOf: ["start", "stop", "restart", "terminate"]),
    }, ["action"]);

    private static ObjectRule BuildCreate()
    {
        var properties = ContainerConfig();
        properties["name"] = new StringRule(MinLength: 1);
        properties["cloud"] = new StringRule(OneOf: ["SECURE", "COMMUNITY"]);
        properties["cpu"] = new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["id"] = new StringRule(MinLength: 1),
            ["vcpuCount"] = new IntegerRule(2),
        }, ["id", "vcpuCount"]);
        properties["gpu"] = new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["id"] = new StringRule(),
            ["count"] = new IntegerRule(1),
            ["allowedCudaVersions"] = new ArrayRule(new StringRule(Pattern: CudaPattern)),
            ["minCudaVersion"] = new StringRule(Pattern: CudaPattern),
        }, ["id"]);
        properties["dataCenterIds"] = new ArrayRule(new StringRule());
        properties["globalNetworking"] = new BooleanRule();
        properties["mounts"] = Mounts;
        properties["startJupyter"] = new BooleanRule();
        properties["startSsh"] = new BooleanRule();
        properties["templateId"] = new StringRule(MinLength: 1);
        return new ObjectRule(properties, ["name"]);
    }

    private static ObjectRule BuildUpdate()
    {
        var properties = ContainerConfig();
        properties["globalNetworking"] = new BooleanRule();
        properties["locked"] = new BooleanRule();
        properties["mounts"] = Mounts;
        properties["name"] = new StringRule(MinLength: 1);
        properties["templateId"] = new StringRule();
        return new ObjectRule(properties);
    }
}
