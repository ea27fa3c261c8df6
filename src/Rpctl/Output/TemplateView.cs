using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>How templates are shown as tables; list, search, get, create and update use this.</summary>
internal static class TemplateView
{
    public static readonly TableSpec Spec = new(
        [
            new Column("ID", t => JsonPath.Text(t, "id")),
            new Column("NAME", t => JsonPath.Text(t, "name")),
            new Column("IMAGE", t => JsonPath.Text(t, "image")),
            new Column("TYPE", Kind),
            new Column("VISIBILITY", Visibility),
            new Column("CATEGORY", t => JsonPath.Text(t, "category")),
        ],
        [
            new Column("ID", t => JsonPath.Text(t, "id")),
            new Column("Name", t => JsonPath.Text(t, "name")),
            new Column("Image", t => JsonPath.Text(t, "image")),
            new Column("Type", Kind),
            new Column("Visibility", Visibility),
            new Column("Category", t => JsonPath.Text(t, "category")),
            new Column("Container disk", t => JsonPath.Text(t, "disk") + " GB"),
            new Column("Volume", Volume),
            new Column("Ports", t => string.Join(", ", (JsonPath.At(t, "ports") as JsonArray ?? []).Select(JsonPath.Scalar))),
            new Column("Env", t => JsonPath.At(t, "env") is JsonObject env ? string.Join("\n", env.Select(kv => $"{kv.Key}={JsonPath.Scalar(kv.Value)}")) : ""),
            new Column("Start command", t => JsonPath.Text(t, "args")),
            new Column("Registry auth", t => JsonPath.Text(t, "registry")),
            new Column("SSH", t => JsonPath.Text(t, "startSsh")),
            new Column("Jupyter", t => JsonPath.Text(t, "startJupyter")),
            new Column("CUDA", t => JsonPath.At(t, "allowedCudaVersions") is JsonArray { Count: > 0 } cuda ? string.Join(", ", cuda.Select(JsonPath.Scalar)) : "any"),
        ]);

    private static string Kind(JsonNode t) => JsonPath.Text(t, "serverless") == "true" ? "serverless" : "pod";

    private static string Visibility(JsonNode t) => JsonPath.Text(t, "public") == "true" ? "public" : "private";

    private static string Volume(JsonNode t) =>
        JsonPath.At(t, "mounts.persistent") is JsonObject p ? $"{JsonPath.Text(p, "size")} GB at {JsonPath.Text(p, "path")}" : "";
}
