using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointWorkersCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        return new Command("workers", CommandExtensions.Describe("List an endpoint's workers and their status",
                "rpctl endpoint workers abc123def456gh", "rpctl endpoint workers abc123def456gh -o json"))
            .With(id)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var workers = await client.Endpoints.WorkersAsync(parse.GetValue(id)!, ct);
                inv.Output.WriteList([.. workers.Items.Select(w => JsonNode.Parse(w.GetRawText())!)], EndpointView.WorkerSpec());
                var s = workers.Summary;
                if (inv.Output.IsTable)
                    inv.Output.Note($"{s.Total} worker(s): {s.Running} running, {s.Idle} idle, {s.Initializing} initializing, {s.Throttled} throttled, {s.Unhealthy} unhealthy");
                return ExitCodes.Success;
            });
    }
}
