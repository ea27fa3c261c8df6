using System.Text.Json.Nodes;

namespace Rpctl.Presets;

/// <summary>
/// Captures a serverless endpoint as the fields of RunPod's v2 <c>CreateEndpointRequest</c>
/// (everything but the name), read from the v2 <c>Endpoint</c> object.
/// </summary>
internal static class EndpointPresetValues
{
    private static readonly string[] CreateFields =
    [
        "templateId", "image", "args", "disk", "env", "ports", "registry", "type", "cpu", "workers", "scaling",
        "dataCenterIds", "networkVolumes", "timeout", "flashboot",
    ];

    public static JsonObject FromEndpoint(JsonNode endpoint)
    {
        var values = new JsonObject();
        foreach (var field in CreateFields)
        {
            if (endpoint[field] is { } value && !IsEmpty(value))
                values[field] = value.DeepClone();
        }

        // The Endpoint's gpu block reports empty CUDA constraints as [] and null; a create request omits them.
        if (endpoint["gpu"] is JsonObject gpu)
        {
            var copy = gpu.DeepClone().AsObject();
            if (copy["allowedCudaVersions"] is JsonArray { Count: 0 })
                copy.Remove("allowedCudaVersions");
            if (copy["minCudaVersion"] is null)
                copy.Remove("minCudaVersion");
            values["gpu"] = copy;
        }

        return values;
    }

    private static bool IsEmpty(JsonNode node) => node switch
    {
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        _ => false,
    };
}
