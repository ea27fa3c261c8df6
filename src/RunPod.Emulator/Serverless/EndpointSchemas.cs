using RunPod.Emulator.Http;

namespace RunPod.Emulator.Serverless;

/// <summary>CreateEndpointRequest / UpdateEndpointRequest of the OpenAPI contract (schema-level rules: 422).</summary>
internal static class EndpointSchemas
{
    private const string CudaPattern = @"^\d+\.\d+$";

    public static readonly string[] FlashBootModes = ["OFF", "FLASHBOOT", "PRIORITY_FLASHBOOT"];

    /// <summary>The `scaling` union; which of queueDelay/requestCount is required is checked after the shape (see EndpointRules).</summary>
    private static readonly ObjectRule Scaling = new(new Dictionary<string, JsonRule>
    {
        ["type"] = new StringRule(OneOf: ["QUEUE_DELAY", "REQUEST_COUNT"]),
        ["queueDelay"] = new NumberRule(Minimum: 0.5),
        ["requestCount"] = new IntegerRule(1),
    }, ["type"]);

    // Declared after Scaling: static fields initialise in textual order.
    public static readonly ObjectRule Create = Build(create: true);

    public static readonly ObjectRule Update = Build(create: false);

    private static ObjectRule Build(bool create)
    {
        var gpu = new Dictionary<string, JsonRule>
        {
            ["pools"] = new ArrayRule(new StringRule(MinLength: 1), MinItems: 1),
            ["excludedTypes"] = new ArrayRule(new StringRule(Pattern: @"^\s*[^-\s]")),
            ["count"] = new IntegerRule(1),
            ["allowedCudaVersions"] = new ArrayRule(new StringRule(Pattern: CudaPattern)),
            ["minCudaVersion"] = new StringRule(Pattern: create ? CudaPattern : @"^$|^\d+\.\d+$"),
        };
        var properties = Pods.PodSchemas.ContainerConfig();
        properties["name"] = new StringRule(MinLength: 1);
        properties["scaling"] = Scaling;
        properties["gpu"] = new ObjectRule(gpu, create ? ["pools"] : null);
        properties["cpu"] = new ArrayRule(new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["id"] = new StringRule(MinLength: 1),
            ["vcpuCount"] = new IntegerRule(2),
        }, ["id", "vcpuCount"]), MinItems: 1);
        properties["workers"] = new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["min"] = new IntegerRule(0),
            ["max"] = new IntegerRule(0),
            ["idleTimeout"] = new IntegerRule(1, 3600),
        });
        properties["dataCenterIds"] = new ArrayRule(new StringRule());
        properties["networkVolumes"] = new ArrayRule(new StringRule());
        properties["timeout"] = new IntegerRule();
        properties["flashboot"] = new StringRule(OneOf: FlashBootModes);
        properties["templateId"] = new StringRule(MinLength: create ? 1 : 0);
        if (create)
        {
            properties["type"] = new StringRule(OneOf: ["QUEUE", "LOAD_BALANCER"]);
        }
        return new ObjectRule(properties, create ? ["name", "type", "scaling"] : null);
    }
}
