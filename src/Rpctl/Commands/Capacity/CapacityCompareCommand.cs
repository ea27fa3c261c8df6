using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Capacity;

/// <summary>GPU types side by side (one catalog request per cloud); a price bar chart on a terminal.</summary>
internal static class CapacityCompareCommand
{
    public static Command Create(Invocation inv)
    {
        var names = new Argument<string[]>("gpu") { Description = "Two or more GPU types (names, short forms, or serverless pool ids such as ADA_24)", Arity = ArgumentArity.OneOrMore };
        var cloudType = CapacityOptions.CloudType();
        var gpuCount = CapacityOptions.GpuCount();

        return new Command("compare", CommandExtensions.Describe("Compare GPU types: VRAM, prices, price per GB, availability",
                "rpctl capacity compare 4090 a6000 l40s", "rpctl capacity compare 'a100 sxm' 'h100 nvl' --cloud-type all", "rpctl capacity compare AMPERE_80 ADA_80_PRO -o csv"))
            .With(names, cloudType, gpuCount)
            .Runs(inv, async (parse, ct) =>
            {
                var inputs = parse.GetValue(names) ?? [];
                var scope = CapacityOptions.Scope(parse.GetValue(cloudType), parse.GetValue(gpuCount), [], []);
                var gpus = GpuAvailability.Merge(await GpuAvailability.FetchAsync(inv, scope, ct));
                var catalog = await inv.GpuCatalog.EntriesAsync(ct);
                var ids = inputs.SelectMany(i => GpuResolver.ResolveAll("gpu", i, catalog)).Select(e => e.Id).Distinct().ToList();
                if (ids.Count < 2)
                    throw CliException.Usage("capacity compare needs at least two different GPU types (e.g. rpctl capacity compare 4090 a6000)");

                var chosen = ids.Select(id => (JsonNode)gpus.First(g => JsonPath.Text(g, "id") == id)).ToList();
                inv.Output.WriteList(chosen, Spec(scope));
                if (inv.Output.IsTable && inv.Context.StdoutIsTerminal)
                {
                    PriceChart.Write(inv.Context.Out, $"Price per GPU-hour ({scope.CloudType} cloud)",
                        [.. chosen.Select(g => (JsonPath.Text(g, "name"), GpuAvailability.Price(g, scope)))],
                        color: inv.Context.Env("NO_COLOR") is null);
                }

                return ExitCodes.Success;
            });
    }

    private static TableSpec Spec(CapacityScope scope)
    {
        var columns = GpuTypeView.Spec.ListColumns.Where(c => c.Header is not ("ID" or "DCS")).ToList();
        var at = columns.FindIndex(c => c.Header == "AVAILABILITY");
        columns.Insert(at, new Column("$/GB-HR", g => PerGb(g, scope)));
        return new TableSpec(columns, GpuTypeView.Spec.DetailRows);
    }

    /// <summary>What a GB of VRAM costs per hour in the chosen cloud: the fair way to compare sizes.</summary>
    private static string PerGb(JsonNode gpu, CapacityScope scope) =>
        GpuAvailability.Price(gpu, scope) is { } price && JsonPath.At(gpu, "memory")?.GetValue<int>() is > 0 and var memory
            ? (price / memory).ToString("0.0000", CultureInfo.InvariantCulture)
            : "-";
}
