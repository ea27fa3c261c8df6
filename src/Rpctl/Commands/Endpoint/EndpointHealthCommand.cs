using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointHealthCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        return new Command("health", CommandExtensions.Describe("Show an endpoint's job and worker counters",
                "rpctl endpoint health abc123def456gh", "rpctl endpoint health abc123def456gh -o json"))
            .With(id)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var health = EndpointArguments.Printable(await client.Jobs.HealthAsync(parse.GetValue(id)!, ct));
                inv.Output.WriteItem(health, EndpointView.HealthSpec(health));
                return ExitCodes.Success;
            });
    }
}
