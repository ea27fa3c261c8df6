using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Commands.Pod;
using Rpctl.Config;

namespace Rpctl.Presets;

/// <summary>
/// Converts between a pod preset's values and <c>pod create</c> flags (parsed by <see cref="PresetFlags"/>).
/// </summary>
internal static class PodPresetValues
{
    /// <summary>Parses the preset's values with pod create's own options (on a command holding only them).</summary>
    public static ParseResult Parse(PodCreateOptions o, SavedPreset preset) =>
        PresetFlags.Parse(preset, SavedPreset.PodKind, o.Storable, o.Env);

    /// <summary>The effective values of a create (flags, preset, stored defaults), GPUs as type ids, env merged.</summary>
    public static JsonObject FromInput(PodCreateInput input, PodCreateOptions o, IReadOnlyDictionary<string, string> env, IReadOnlyList<string> gpuIds)
    {
        var values = new JsonObject();
        foreach (var option in o.Storable)
        {
            var key = option.Name[2..];
            if (option == o.Env)
            {
                if (env.Count > 0)
                    values[key] = new JsonObject(env.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
                continue;
            }

            if (option == o.Gpu)
            {
                if (gpuIds.Count > 0)
                    values[key] = Array(gpuIds);
                continue;
            }

            if (!input.HasValue(option))
                continue;
            values[key] = option switch
            {
                Option<bool> b => input.Get(b) ? true : null,
                Option<string?> s => input.Get(s),
                Option<int?> i => input.Get(i),
                Option<double?> d => input.Get(d),
                Option<string[]> a => input.Get(a) is { Length: > 0 } items ? Array(Flatten(option == o.Region, items)) : null,
                _ => null,
            };
            if (values[key] is null)
                values.Remove(key);
        }

        return values;
    }

    /// <summary>
    /// What re-creates an equivalent pod from RunPod's v2 Pod object: GPU type id (never the display
    /// name), count, cloud, image, disks, mounts, ports, env, template, data center, start args.
    /// </summary>
    public static JsonObject FromPod(JsonNode pod)
    {
        var values = new JsonObject();
        void Put(string key, JsonNode? value)
        {
            if (value is not null)
                values[key] = value.DeepClone();
        }

        Put("image", NonEmpty(pod["image"]));
        Put("template", NonEmpty(pod["template"]));
        if (pod["gpu"] is JsonObject gpu)
        {
            Put("gpu", new JsonArray(gpu["id"]?.DeepClone()));
            Put("gpu-count", gpu["count"]);
        }
        else if (pod["cpu"] is JsonObject cpu)
        {
            Put("cpu", cpu["id"]);
            Put("vcpu", cpu["vcpuCount"]);
        }

        if (YamlTree.Text(pod["cloud"]) is { Length: > 0 } cloud)
            Put("cloud-type", cloud.ToLowerInvariant());
        Put("container-disk", pod["disk"]);
        if (pod["mounts"]?["persistent"] is JsonObject persistent)
        {
            Put("volume-disk", persistent["size"]);
            Put("volume-mount", persistent["path"]);
        }
        else if (pod["mounts"]?["network"] is JsonArray { Count: > 0 } network)
        {
            Put("network-volume", network[0]?["id"]);
            Put("volume-mount", network[0]?["path"]);
        }

        if (pod["ports"] is JsonArray { Count: > 0 } ports)
            Put("ports", ports);
        if (pod["env"] is JsonObject { Count: > 0 } env)
            Put("env", env);
        if (YamlTree.Text(pod["dataCenterId"]) is { Length: > 0 } dc)
            Put("region", new JsonArray(dc));
        Put("docker-start-cmd", NonEmpty(pod["args"]));
        Put("registry-auth", NonEmpty(pod["registry"]));
        if (pod["globalNetworking"]?["enabled"]?.GetValue<bool>() == true)
            Put("global-networking", true);
        return values;
    }

    private static JsonNode? NonEmpty(JsonNode? node) => YamlTree.Text(node) is { Length: > 0 } ? node : null;

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)i).ToArray());

    private static IEnumerable<string> Flatten(bool upper, string[] items) =>
        items.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(s => upper ? s.ToUpperInvariant() : s).Distinct();
}
