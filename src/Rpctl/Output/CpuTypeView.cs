using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Services;

namespace Rpctl.Output;

/// <summary>How CPU flavors (v2 CpuType) are shown as tables.</summary>
internal static class CpuTypeView
{
    public static readonly TableSpec Spec = new(
        [
            new Column("ID", c => JsonPath.Text(c, "id")),
            new Column("NAME", c => JsonPath.Text(c, "name")),
            new Column("GROUP", c => JsonPath.Text(c, "group")),
            new Column("VCPUS", c => $"{JsonPath.Text(c, "vcpu.min")}-{JsonPath.Text(c, "vcpu.max")}"),
            new Column("RAM/VCPU", c => JsonPath.Text(c, "ramGbPerVcpu") + " GB"),
            new Column("SECURE $/VCPU-HR", c => JsonPath.Text(c, "price.securePerVcpu")),
            new Column("SERVERLESS $/VCPU-HR", c => JsonPath.Text(c, "price.serverlessPerVcpu")),
            new Column("AVAILABILITY", c => JsonPath.Text(c, "availability")),
            new Column("DCS", c => DataCenterCount(c)),
        ],
        [
            new Column("ID", c => JsonPath.Text(c, "id")),
            new Column("Name", c => JsonPath.Text(c, "name")),
            new Column("Group", c => JsonPath.Text(c, "group")),
            new Column("vCPUs", c => $"{JsonPath.Text(c, "vcpu.min")}-{JsonPath.Text(c, "vcpu.max")}"),
            new Column("RAM per vCPU", c => JsonPath.Text(c, "ramGbPerVcpu") + " GB"),
            new Column("Availability", c => JsonPath.Text(c, "availability")),
        ]);

    private static string DataCenterCount(JsonNode c) =>
        GpuAvailability.DataCenters(c).Count().ToString(CultureInfo.InvariantCulture);
}
