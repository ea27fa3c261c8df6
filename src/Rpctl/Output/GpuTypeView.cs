using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>How GPU types (v2 GpuType, optionally with availability) are shown as tables.</summary>
internal static class GpuTypeView
{
    public static readonly TableSpec Spec = new(
        [
            new Column("GPU", g => JsonPath.Text(g, "name")),
            new Column("ID", g => JsonPath.Text(g, "id")),
            new Column("VRAM", g => JsonPath.Text(g, "memory") + " GB"),
            new Column("SECURE $/HR", g => Money(GpuAvailability.Price(g, "secure"))),
            new Column("COMMUNITY $/HR", g => Money(GpuAvailability.Price(g, "community"))),
            new Column("SERVERLESS $/HR", g => Money(JsonPath.At(g, "price.serverless") is JsonValue v ? v.GetValue<double>() : null)),
            new Column("AVAILABILITY", g => JsonPath.Text(g, "availability")),
            new Column("MAX GPUS", MaxCount),
            new Column("DCS", g => GpuAvailability.DataCenters(g).Count().ToString(CultureInfo.InvariantCulture)),
        ],
        [
            new Column("ID", g => JsonPath.Text(g, "id")),
            new Column("Name", g => JsonPath.Text(g, "name")),
            new Column("Pool", g => JsonPath.Text(g, "pool")),
            new Column("Manufacturer", g => JsonPath.Text(g, "manufacturer")),
            new Column("VRAM", g => JsonPath.Text(g, "memory") + " GB"),
            new Column("Secure", g => Money(GpuAvailability.Price(g, "secure")) + " $/hr"),
            new Column("Community", g => Money(GpuAvailability.Price(g, "community")) + " $/hr"),
            new Column("Availability", g => JsonPath.Text(g, "availability")),
            new Column("Max GPUs", MaxCount),
            new Column("Data centers", g => string.Join("\n", GpuAvailability.DataCenters(g)
                .Select(dc => $"{JsonPath.Text(dc, "id")} {JsonPath.Text(dc, "availability")}"))),
        ]);

    /// <summary>"8 / 4": the largest machine in secure / community (a ceiling, not stock).</summary>
    public static string MaxCount(JsonNode g) => $"{JsonPath.Text(g, "maxCount.secure")} / {JsonPath.Text(g, "maxCount.community")}";

    /// <summary>A price, or "-" where the GPU is not offered.</summary>
    public static string Money(double? price) => price is { } p ? p.ToString("0.00##", CultureInfo.InvariantCulture) : "-";
}
