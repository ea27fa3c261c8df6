using System.Text.Json.Nodes;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>How data centers (v2 DataCenter) are shown; with a GPU, its availability there.</summary>
internal static class DataCenterView
{
    public static TableSpec Spec(string? gpuId)
    {
        var columns = new List<Column>
        {
            new("ID", d => JsonPath.Text(d, "id")),
            new("LOCATION", d => JsonPath.Text(d, "name")),
            new("COUNTRY", d => CountryDataCenters.CountryOf(JsonPath.Text(d, "id"))),
            new("REGION", d => JsonPath.Text(d, "region")),
            new("GLOBAL NET", d => JsonPath.Text(d, "globalNetwork") == "true" ? "yes" : "no"),
            new("VOLUMES", d => Join(d, "networkVolumeTypes")),
            new("COMPLIANCE", d => Join(d, "compliance")),
        };
        if (gpuId is not null)
            columns.Add(new Column("AVAILABILITY", d => GpuLevel(d, gpuId)));
        return new TableSpec(columns, columns);
    }

    /// <summary>The GPU's level in this DC; NONE when the DC does not list it.</summary>
    public static string GpuLevel(JsonNode dc, string gpuId) =>
        (JsonPath.At(dc, "gpuAvailability") as JsonArray ?? [])
            .FirstOrDefault(e => JsonPath.Text(e, "id") == gpuId) is { } entry ? JsonPath.Text(entry, "availability") : "NONE";

    private static string Join(JsonNode d, string field)
    {
        var values = (JsonPath.At(d, field) as JsonArray ?? []).Select(JsonPath.Scalar).ToList();
        return values.Count == 0 ? "-" : string.Join(",", values);
    }
}
