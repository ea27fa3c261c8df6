using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;

namespace RunPod.Emulator.Templates;

/// <summary>CreateTemplateRequest and UpdateTemplateRequest of the OpenAPI contract.</summary>
internal static class TemplateSchemas
{
    public const string CudaPattern = @"^\d+\.\d+$";

    public static readonly string[] Categories = ["CPU", "NVIDIA", "AMD"];

    /// <summary>TemplateMounts: only `persistent`; `network` is an unknown property (422).</summary>
    private static ObjectRule Mounts() => new(new Dictionary<string, JsonRule>
    {
        ["persistent"] = new ObjectRule(new Dictionary<string, JsonRule>
        {
            ["size"] = new IntegerRule(10),
            ["path"] = new StringRule(),
        }, ["size", "path"]),
    });

    public static readonly ObjectRule Create = Build(["name", "image"]);

    public static readonly ObjectRule Update = Build(null);

    private static ObjectRule Build(string[]? required)
    {
        var properties = PodSchemas.ContainerConfig();
        properties["name"] = new StringRule(MinLength: 1);
        properties["allowedCudaVersions"] = new ArrayRule(new StringRule(Pattern: CudaPattern));
        properties["category"] = new StringRule(OneOf: Categories);
        properties["mounts"] = Mounts();
        properties["public"] = new BooleanRule();
        properties["serverless"] = new BooleanRule();
        properties["startJupyter"] = new BooleanRule();
        properties["startSsh"] = new BooleanRule();
        return new ObjectRule(properties, required);
    }
}
