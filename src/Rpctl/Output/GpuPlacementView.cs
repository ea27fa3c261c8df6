using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>Rows of `capacity check`: one GPU's availability per (data center, cloud).</summary>
internal static class GpuPlacementView
{
    public static readonly TableSpec Spec = new(
        [
            new Column("DATA CENTER", r => JsonPath.Text(r, "id")),
            new Column("NAME", r => JsonPath.Text(r, "name")),
            new Column("CLOUD", r => JsonPath.Text(r, "cloud")),
            new Column("AVAILABILITY", r => JsonPath.Text(r, "availability")),
        ],
        []);

    public static JsonObject Row(JsonNode dataCenter, string cloud) => new()
    {
        ["id"] = JsonPath.Text(dataCenter, "id"),
        ["name"] = JsonPath.Text(dataCenter, "name"),
        ["cloud"] = cloud,
        ["availability"] = JsonPath.Text(dataCenter, "availability"),
    };
}
