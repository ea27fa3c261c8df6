using System.Text.Json.Nodes;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.GraphQl;

/// <summary>
/// Maps GraphQL <c>SaveTemplateInput</c> to the v2 template fields and back. Omitted input fields take
/// their GraphQL defaults (RunPod resets them), not the template's current values.
/// </summary>
internal static class SaveTemplateFields
{
    public static JsonObject ToV2(JsonObject input, Func<JsonObject, string, string> required)
    {
        var volume = input.Int("volumeInGb") ?? 0;
        var env = new JsonObject();
        foreach (var pair in input["env"] as JsonArray ?? [])
        {
            if (pair is JsonObject kv && kv.Str("key") is { Length: > 0 } key)
            {
                env[key] = kv.Str("value") ?? "";
            }
        }
        return new JsonObject
        {
            ["name"] = required(input, "name"),
            ["image"] = required(input, "imageName"),
            ["args"] = input.Str("dockerArgs") ?? "",
            ["disk"] = input.Int("containerDiskInGb") ?? 10,
            ["mounts"] = volume > 0
                ? new JsonObject { ["persistent"] = new JsonObject { ["size"] = volume, ["path"] = input.Str("volumeMountPath") ?? "/workspace" } }
                : new JsonObject(),
            ["ports"] = new JsonArray([.. (input.Str("ports") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => (JsonNode?)p)]),
            ["env"] = env,
            ["registry"] = input.Str("containerRegistryAuthId") is { Length: > 0 } registry ? registry : null,
            ["serverless"] = input.Bool("isServerless") ?? false,
            ["public"] = input.Bool("isPublic") ?? false,
            ["startSsh"] = input.Bool("startSsh") ?? false,
            ["startJupyter"] = input.Bool("startJupyter") ?? false,
        };
    }

    /// <summary>The GraphQL PodTemplate shape of a v2 template.</summary>
    public static JsonObject ToGraphQl(JsonObject template, string readme)
    {
        var persistent = template["mounts"]?["persistent"] as JsonObject;
        return new JsonObject
        {
            ["id"] = template.Str("id"),
            ["name"] = template.Str("name"),
            ["imageName"] = template.Str("image"),
            ["dockerArgs"] = template.Str("args") ?? "",
            ["containerDiskInGb"] = template.Int("disk"),
            ["volumeInGb"] = persistent?.Int("size") ?? 0,
            ["volumeMountPath"] = persistent?.Str("path"),
            ["ports"] = string.Join(",", template.Strings("ports") ?? []),
            ["env"] = new JsonArray([.. (template.StringMap("env") ?? []).Select(kv => (JsonNode?)new JsonObject { ["key"] = kv.Key, ["value"] = kv.Value })]),
            ["isServerless"] = template.Bool("serverless") ?? false,
            ["readme"] = readme,
        };
    }
}
