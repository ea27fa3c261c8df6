using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Catalog;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Capacity;

/// <summary>Data centers with region, location, compliance, volume tiers and (with --gpu) availability.</summary>
internal static class CapacityRegionsCommand
{
    /// <summary>RunPod's Compliance enum.</summary>
    private static readonly string[] ComplianceValues =
        ["GDPR", "ISO_IEC_27001", "ISO_14001", "PCI_DSS", "HITRUST", "SOC_1_TYPE_2", "SOC_2_TYPE_2", "SOC_3_TYPE_2", "ITAR", "FISMA_HIGH", "HIPAA", "RENEWABLE"];

    public static Command Create(Invocation inv)
    {
        var gpu = new Option<string?>("--gpu") { Description = "Show this GPU type's availability in each data center", HelpName = "NAME" };
        var compliance = new Option<string[]>("--compliance")
        {
            Description = $"Only data centers holding this certification; several must all hold ({string.Join("|", ComplianceValues).ToLowerInvariant()})",
            HelpName = "X",
        };
        var globalNetwork = new Option<bool>("--global-network") { Description = "Only data centers on RunPod's global (cross-DC private) network" };
        var cloudType = ValidatedOptions.Choice("--cloud-type", "With --gpu: availability in this cloud (default secure, as pod create)", "secure", "community", "all");

        return new Command("regions", CommandExtensions.Describe("List data centers: region, location, compliance, volume types",
                "rpctl capacity regions", "rpctl capacity regions --gpu 4090 --global-network", "rpctl capacity regions --compliance soc_2_type_2 -o json"))
            .With(gpu, compliance, globalNetwork, cloudType)
            .Runs(inv, async (parse, ct) =>
            {
                var certifications = CapacityOptions.Split(parse.GetValue(compliance)).Select(ValidCompliance).Distinct().ToList();
                var gpuId = parse.GetValue(gpu) is { } name ? (await inv.GpuCatalog.ResolveAsync("--gpu", name, ct)).Id : null;
                if (gpuId is null && parse.GetValue(cloudType) is not null)
                    throw CliException.Usage("--cloud-type applies with --gpu");

                var client = await inv.ClientAsync(ct);
                var dataCenters = await client.Catalog.ListDataCentersAsync(new DataCenterQuery
                {
                    Include = gpuId is null ? [] : ["GPU_AVAILABILITY"],
                    Compliance = certifications,
                    GlobalNetwork = parse.GetValue(globalNetwork) ? true : null,
                }, ct);
                var items = dataCenters.Select(d => JsonNode.Parse(d.Raw.GetRawText())!).ToList();
                if (gpuId is not null)
                    await ApplyCloudAvailabilityAsync(client, items, gpuId, parse.GetValue(cloudType) ?? "secure", ct);
                inv.Output.WriteList(items, DataCenterView.Spec(gpuId));
                return ExitCodes.Success;
            });
    }

    /// <summary>
    /// A data center's own gpuAvailability merges both clouds, while pod create and capacity check
    /// default to secure: so the level shown is the GPU catalog's for the chosen cloud, and the
    /// table never promises stock that a default create cannot get.
    /// </summary>
    private static async Task ApplyCloudAvailabilityAsync(RunPod.Api.RunPodClient client, List<JsonNode> items, string gpuId, string cloudType, CancellationToken ct)
    {
        var clouds = cloudType == "all" ? new[] { "SECURE", "COMMUNITY" } : [cloudType.ToUpperInvariant()];
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cloud in clouds)
        {
            var gpus = await client.Catalog.ListGpusAsync($"include=AVAILABILITY&product=POD&cloud={cloud}", ct);
            foreach (var dc in gpus.FirstOrDefault(g => g.Id == gpuId)?.DataCenters ?? [])
            {
                if (!levels.TryGetValue(dc.Id, out var current) || Rank(dc.Availability) > Rank(current))
                    levels[dc.Id] = dc.Availability;
            }
        }

        foreach (var item in items.OfType<JsonObject>())
        {
            var id = JsonPath.Text(item, "id");
            item["gpuAvailability"] = new JsonArray(new JsonObject { ["id"] = gpuId, ["availability"] = levels.GetValueOrDefault(id, "NONE") });
        }
    }

    private static int Rank(string level) => Array.IndexOf(["NONE", "LOW", "MEDIUM", "HIGH"], level);

    /// <summary>Case-insensitive; '-' is accepted for '_' (soc-2-type-2).</summary>
    private static string ValidCompliance(string value)
    {
        var canonical = value.Trim().Replace('-', '_').ToUpperInvariant();
        return ComplianceValues.Contains(canonical)
            ? canonical
            : throw CliException.BadValue("--compliance", value, "expected one of " + string.Join(", ", ComplianceValues.Select(c => c.ToLowerInvariant())));
    }
}
