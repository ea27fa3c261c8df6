using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointWaitCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var timeout = SharedOptions.Timeout("5m");
        var interval = SharedOptions.Interval("2s");
        return new Command("wait", CommandExtensions.Describe("Wait until a worker is ready (idle or running); exit 7 on timeout",
                "rpctl endpoint wait abc123def456gh", "rpctl endpoint wait abc123def456gh --timeout 10m"))
            .With(id, timeout, interval)
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                var health = await EndpointWaiter.WaitReadyAsync(client, endpointId,
                    parse.GetValue(timeout) ?? TimeSpan.FromMinutes(5), parse.GetValue(interval) ?? TimeSpan.FromSeconds(2), inv.Output.Note, ct);
                var node = EndpointArguments.Printable(health);
                if (inv.Output.IsTable)
                    inv.Context.Out.WriteLine($"Endpoint {endpointId} is ready: {health.Worker("idle")} idle, {health.Worker("running")} running");
                else
                    inv.Output.WriteItem(node, EndpointView.HealthSpec(node));
                return ExitCodes.Success;
            });
    }
}
