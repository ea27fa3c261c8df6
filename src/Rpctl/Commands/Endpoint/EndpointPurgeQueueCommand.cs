using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointPurgeQueueCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var yes = SharedOptions.Yes();
        return new Command("purge-queue", CommandExtensions.Describe("Remove every queued job of an endpoint (running jobs carry on)",
                "rpctl endpoint purge-queue abc123def456gh", "rpctl endpoint purge-queue abc123def456gh --yes -o json"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                var health = await client.Jobs.HealthAsync(endpointId, ct);
                Confirmation.Require(inv,
                    $"Remove all queued jobs of endpoint {endpointId} ({health.Jobs.GetValueOrDefault("inQueue")} queued now)? They cannot be recovered.",
                    parse.GetValue(yes));
                var result = await client.Jobs.PurgeQueueAsync(endpointId, ct);
                inv.Output.WriteResult(EndpointArguments.Printable(result), $"Removed {result.Removed} queued job(s) from endpoint {endpointId}");
                return ExitCodes.Success;
            });
    }
}
