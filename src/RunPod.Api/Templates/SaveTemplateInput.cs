using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunPod.Api.Templates;

/// <summary>
/// The GraphQL <c>SaveTemplateInput</c> for an existing template, built from its REST v2 object.
/// <c>saveTemplate(input:{id,...})</c> is not a sparse update: every field it carries that is left
/// out is reset to its default. So the readme is always sent with every other field as it stands.
/// (<c>allowedCudaVersions</c> and <c>category</c> are not saveTemplate fields and are left alone.)
/// </summary>
public static class SaveTemplateInput
{
    /// <summary>Maps a v2 template (or a v2 create body plus <c>id</c>; v2 defaults fill its gaps) to the input.</summary>
    public static JsonObject FromV2(JsonObject template, string readme)
    {
        var persistent = template["mounts"]?["persistent"] as JsonObject;
        var input = new JsonObject
        {
            ["id"] = Str(template, "id"),
            ["name"] = Str(template, "name"),
            ["imageName"] = Str(template, "image"),
            ["dockerArgs"] = Str(template, "args") ?? "",
            ["containerDiskInGb"] = Int(template["disk"]) ?? 10,
            ["volumeInGb"] = Int(persistent?["size"]) ?? 0,
            ["ports"] = string.Join(",", (template["ports"] as JsonArray ?? []).Select(p => p?.GetValue<string>())),
            ["env"] = new JsonArray([.. (template["env"] as JsonObject ?? []).Select(kv => (JsonNode?)new JsonObject { ["key"] = kv.Key, ["value"] = kv.Value?.DeepClone() })]),
            ["isServerless"] = Bool(template, "serverless") ?? false,
            ["isPublic"] = Bool(template, "public") ?? false,
            ["startSsh"] = Bool(template, "startSsh") ?? true,
            ["startJupyter"] = Bool(template, "startJupyter") ?? true,
            ["readme"] = readme,
        };
        if (persistent is not null && Str(persistent, "path") is { } path)
            input["volumeMountPath"] = path;
        if (Str(template, "registry") is { Length: > 0 } registry)
            input["containerRegistryAuthId"] = registry;
        return input;
    }

    /// <summary>The v2 object of a template as the API returned it.</summary>
    public static JsonObject V2Object(Template template) =>
        template.Raw.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(template.Raw.GetRawText())!.AsObject()
            : throw new InvalidOperationException("the template's v2 object is needed to re-send its fields with the readme");

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool? Bool(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
