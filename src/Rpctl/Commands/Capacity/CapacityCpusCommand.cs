using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Capacity;

/// <summary>CPU flavors with vCPU range, RAM per vCPU, prices and pod availability (one request).</summary>
internal static class CapacityCpusCommand
{
    public static Command Create(Invocation inv)
    {
        var vcpus = ValidatedOptions.Int("--vcpus", "Availability for a pod with this many vCPUs (a power of two, at least 2)", min: 2);
        var availableOnly = CapacityOptions.AvailableOnly();

        return new Command("cpus", CommandExtensions.Describe("List CPU flavors with vCPUs, RAM, prices and availability",
                "rpctl capacity cpus", "rpctl capacity cpus --vcpus 16 --available-only -o json"))
            .With(vcpus, availableOnly)
            .Runs(inv, async (parse, ct) =>
            {
                var count = parse.GetValue(vcpus);
                if (count is { } n && (n & (n - 1)) != 0)
                    throw CliException.BadValue("--vcpus", n.ToString(CultureInfo.InvariantCulture), "expected a power of two such as 2, 4, 8, 16 or 32");

                var query = "include=AVAILABILITY&product=POD" + (count is { } c ? "&vcpuCount=" + c.ToString(CultureInfo.InvariantCulture) : "");
                var client = await inv.ClientAsync(ct);
                var cpus = await client.Catalog.ListCpusAsync(query, ct);
                var items = cpus
                    .Where(cpu => !parse.GetValue(availableOnly) || cpu.Availability is not (null or "NONE"))
                    .Select(cpu => JsonNode.Parse(cpu.Raw.GetRawText())!)
                    .ToList();
                inv.Output.WriteList(items, CpuTypeView.Spec);
                return ExitCodes.Success;
            });
    }
}
