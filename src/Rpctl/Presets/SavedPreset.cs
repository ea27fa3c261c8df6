using System.Text.Json.Nodes;
using Rpctl.Config;

namespace Rpctl.Presets;

/// <summary>
/// A saved set of create settings: <see cref="Values"/> holds <c>pod create</c> or
/// <c>endpoint create</c> flags (names without the leading dashes), so a preset is checked by the
/// same parser as typed flags.
/// </summary>
internal sealed record SavedPreset(string Name, string Kind, string? Description, string? Source, JsonObject Values)
{
    public const string PodKind = "pod";
    public const string EndpointKind = "endpoint";

    public JsonObject ToTree() => new()
    {
        ["version"] = 1,
        ["name"] = Name,
        ["kind"] = Kind,
        ["description"] = Description,
        ["source"] = Source,
        ["values"] = Values.DeepClone(),
    };

    public static SavedPreset FromTree(string name, JsonObject tree) => new(
        name,
        YamlTree.Text(tree["kind"]) ?? PodKind,
        YamlTree.Text(tree["description"]),
        YamlTree.Text(tree["source"]),
        tree["values"] as JsonObject ?? new JsonObject());
}
