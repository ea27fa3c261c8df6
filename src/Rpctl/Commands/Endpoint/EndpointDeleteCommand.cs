using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var yes = SharedOptions.Yes();
        return new Command("delete", CommandExtensions.Describe("Delete an endpoint; RunPod also deletes its template, stops its workers and cancels its jobs",
                "rpctl endpoint delete abc123def456gh", "rpctl endpoint delete abc123def456gh --yes"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                // Read first: a wrong id is reported as not found before anyone is asked to confirm.
                var endpoint = await client.Endpoints.GetAsync(endpointId, ct);
                Confirmation.Require(inv,
                    $"Delete endpoint {endpoint.Id} ({endpoint.Name})? RunPod also deletes the template bound to it, stops its workers and cancels its queued and running jobs.",
                    parse.GetValue(yes));
                await client.Endpoints.DeleteAsync(endpointId, ct);
                inv.Output.WriteResult(new JsonObject { ["id"] = endpoint.Id, ["name"] = endpoint.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted endpoint {endpoint.Id} ({endpoint.Name}) and its bound template");
                return ExitCodes.Success;
            });
    }
}
