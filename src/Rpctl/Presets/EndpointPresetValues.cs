using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Commands.Endpoint;
using Rpctl.Config;

namespace Rpctl.Presets;

/// <summary>
/// Converts between an endpoint preset's values and <c>endpoint create</c> flags, as pod presets do:
/// GPU pools and type ids (never display names), CPU flavors, workers, scaler, volumes, data
/// centers, CUDA, FlashBoot and the execution timeout.
/// </summary>
internal static class EndpointPresetValues
{
    public static ParseResult Parse(EndpointSpecOptions o, SavedPreset preset) =>
        PresetFlags.Parse(preset, SavedPreset.EndpointKind, o.Storable, o.Env);

    /// <summary>
    /// One parse of the create with the preset under the typed flags: a typed flag replaces the
    /// preset's value (and the preset values it contradicts: --cpu drops the preset's GPU settings);
    /// env merges per key, typed keys winning.
    /// </summary>
    public static ParseResult Layer(ParseResult user, ParseResult preset, EndpointSpecOptions o)
    {
        bool Typed(Option option) => user.GetResult(option) is { Implicit: false };
        var dropped = Contradicted(o).Where(c => c.Typed.Any(Typed)).SelectMany(c => c.Dropped).ToHashSet();
        var tokens = new List<string>();
        foreach (var option in o.Storable)
        {
            if (option == o.Env)
                tokens.AddRange(PresetFlags.Given(preset, option));
            else if (!Typed(option) && !dropped.Contains(option))
                tokens.AddRange(PresetFlags.Given(preset, option));
        }

        foreach (var option in o.ForCreateRun)
            tokens.AddRange(PresetFlags.Given(user, option));
        var command = new Command("endpoint-create");
        foreach (var option in o.ForCreateRun)
            command.Options.Add(option);
        return command.Parse(tokens);
    }

    /// <summary>Typed flags and the preset settings they make meaningless.</summary>
    private static IEnumerable<(Option[] Typed, Option[] Dropped)> Contradicted(EndpointSpecOptions o) =>
    [
        ([o.Cpu], [o.Gpu, o.ExcludeGpu, o.GpuCount, o.CudaVersion, o.MinCudaVersion]),
        ([o.Gpu, o.ExcludeGpu, o.GpuCount, o.CudaVersion, o.MinCudaVersion], [o.Cpu]),
        ([o.Gpu], [o.ExcludeGpu]), // exclusions are checked against the pools they leave out of
        ([o.CudaVersion], [o.MinCudaVersion]),
        ([o.MinCudaVersion], [o.CudaVersion]),
        ([o.ScalerType], [o.ScalerValue]), // a queue delay is not a request count
        ([o.Type], [o.ScalerType, o.ScalerValue]),
    ];

    /// <summary>
    /// What re-creates an equivalent endpoint, from RunPod's v2 Endpoint object or a
    /// CreateEndpointRequest (the same shape): everything but the name, as endpoint create flags.
    /// </summary>
    public static JsonObject FromEndpoint(JsonNode endpoint)
    {
        var values = new JsonObject();
        void Put(string key, JsonNode? value)
        {
            if (value is not null && !IsEmpty(value))
                values[key] = value.DeepClone();
        }

        var template = endpoint["templateId"] ?? endpoint["template"]?["id"];
        Put("template", template);
        if (template is null)
        {
            // With a template, image and disk come from it.
            Put("image", endpoint["image"]);
            Put("container-disk", endpoint["disk"]);
        }

        Put("env", endpoint["env"]);
        if (endpoint["gpu"] is JsonObject gpu)
        {
            Put("gpu", gpu["pools"]);
            Put("exclude-gpu", gpu["excludedTypes"]);
            Put("gpu-count", gpu["count"]);
            Put("cuda-version", gpu["allowedCudaVersions"]);
            Put("min-cuda-version", gpu["minCudaVersion"]);
        }
        else if (endpoint["cpu"] is JsonArray cpu)
        {
            Put("cpu", new JsonArray([.. cpu.Select(c => (JsonNode?)$"{YamlTree.Text(c?["id"])}:{YamlTree.Text(c?["vcpuCount"])}")]));
        }

        Put("workers-min", endpoint["workers"]?["min"]);
        Put("workers-max", endpoint["workers"]?["max"]);
        Put("idle-timeout", endpoint["workers"]?["idleTimeout"]);
        if (endpoint["scaling"] is JsonObject scaling)
        {
            Put("scaler-type", YamlTree.Text(scaling["type"]) == "REQUEST_COUNT" ? "request-count" : "queue-delay");
            Put("scaler-value", YamlTree.Text(scaling["queueDelay"] ?? scaling["requestCount"]));
        }

        Put("network-volume", endpoint["networkVolumes"]);
        Put("region", endpoint["dataCenterIds"]);
        if (endpoint["timeout"] is JsonValue timeout && timeout.TryGetValue<long>(out var ms) && ms > 0)
            Put("execution-timeout", ms % 1000 == 0 ? $"{ms / 1000}s" : $"{ms}ms");
        Put("flashboot", YamlTree.Text(endpoint["flashboot"]) switch
        {
            "FLASHBOOT" => "on",
            "PRIORITY_FLASHBOOT" => "priority",
            "OFF" => "off",
            _ => null,
        });
        Put("type", YamlTree.Text(endpoint["type"]) == "LOAD_BALANCER" ? "load-balancer" : "queue");
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
