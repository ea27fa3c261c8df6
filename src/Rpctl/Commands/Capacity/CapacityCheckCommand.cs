using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Catalog;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Capacity;

/// <summary>
/// Is this GPU available? Scriptable: exit 0 when it is somewhere that matches, 5 with a one-line
/// reason when it is not, 2 for a GPU name that does not exist (with "did you mean").
/// </summary>
internal static class CapacityCheckCommand
{
    public static Command Create(Invocation inv)
    {
        var gpu = new Option<string>("--gpu") { Description = "GPU type: id, name or short form (RTX 4090, 4090, a100 sxm)", HelpName = "NAME", Required = true };
        var gpuCount = CapacityOptions.GpuCount();
        var cloudType = CapacityOptions.CloudType();
        var region = CapacityOptions.Region();

        return new Command("check", CommandExtensions.Describe("Check where a GPU type is available (exit 0 yes, 5 no)",
                "rpctl capacity check --gpu 4090", "rpctl capacity check --gpu 'a100 sxm' --gpu-count 8 --region US-KS-2",
                "rpctl capacity check --gpu 'h100 nvl' --cloud-type all && rpctl pod create ..."))
            .With(gpu, gpuCount, cloudType, region)
            .Runs(inv, async (parse, ct) =>
            {
                var regions = CapacityOptions.Regions(parse, region);
                var count = parse.GetValue(gpuCount);
                // No countryCodes: they would drop the GPU from the list; the region is picked out below.
                var scope = CapacityOptions.Scope(parse.GetValue(cloudType), count, [], []);
                var clouds = await GpuAvailability.FetchAsync(inv, scope, ct);
                var entry = await inv.GpuCatalog.ResolveAsync("--gpu", parse.GetValue(gpu)!, ct);

                var perCloud = clouds.Select(c => (c.Cloud, Gpu: c.Gpus.FirstOrDefault(g => g.Id == entry.Id))).ToList();
                var rows = perCloud
                    .Where(c => c.Gpu is not null)
                    .SelectMany(c => GpuAvailability.DataCenters(JsonNode.Parse(c.Gpu!.Raw.GetRawText())!)
                        .Where(dc => regions.Count == 0 || regions.Contains(JsonPath.Text(dc, "id")))
                        .Where(dc => JsonPath.Text(dc, "availability") != "NONE")
                        .Select(dc => (JsonNode)GpuPlacementView.Row(dc, c.Cloud)))
                    .ToList();

                var merged = GpuAvailability.Merge(clouds).First(g => JsonPath.Text(g, "id") == entry.Id);
                var result = regions.Count > 0 ? GpuAvailability.ScopeToDataCenters(merged, regions) : merged;
                if (inv.Output.IsTable)
                {
                    if (rows.Count > 0)
                        inv.Output.WriteList(rows, GpuPlacementView.Spec);
                }
                else
                {
                    inv.Output.WriteItem(result, GpuTypeView.Spec);
                }

                if (rows.Count == 0)
                    throw CliException.Conflict(Reason(entry.Name, count ?? 1, regions, perCloud));
                return ExitCodes.Success;
            });
    }

    /// <summary>Why not, per cloud: not offered there, machines too small, or no free stock (and where there is).</summary>
    internal static string Reason(string name, int count, IReadOnlyList<string> regions, IReadOnlyList<(string Cloud, GpuType? Gpu)> perCloud)
    {
        var reasons = perCloud.Select(c =>
        {
            var cloud = c.Cloud;
            var offered = cloud == "COMMUNITY" ? c.Gpu?.Community ?? false : c.Gpu?.Secure ?? false;
            var max = cloud == "COMMUNITY" ? c.Gpu?.MaxCount?.Community ?? 0 : c.Gpu?.MaxCount?.Secure ?? 0;
            if (c.Gpu is null || !offered)
                return $"{name} is not offered in {cloud} cloud";
            if (count > max)
                return $"{name} machines in {cloud} cloud have at most {max} GPUs (asked for {count})";
            var elsewhere = (c.Gpu.DataCenters ?? []).Where(dc => dc.Availability != "NONE").Select(dc => dc.Id).ToList();
            var what = count > 1 ? $"{count}x {name}" : name;
            if (regions.Count > 0 && elsewhere.Count > 0)
                return $"no {what} free in {string.Join(", ", regions)} ({cloud} cloud); available in {string.Join(", ", elsewhere)}";
            return $"no {what} free in {cloud} cloud{(regions.Count > 0 ? " in " + string.Join(", ", regions) : "")} right now";
        });
        return string.Join("; ", reasons);
    }
}
