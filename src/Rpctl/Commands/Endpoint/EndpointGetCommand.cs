using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointGetCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("get", CommandExtensions.Describe("Show one endpoint: request URLs, workers, scaling, GPU pools",
                "rpctl endpoint get abc123def456gh", "rpctl endpoint get abc123def456gh -o json"))
            .With(id, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var endpoint = await client.Endpoints.GetAsync(parse.GetValue(id)!, ct);
                inv.Output.WriteItem(EndpointArguments.Printable(endpoint, parse.GetValue(showSecrets)), EndpointView.Spec());
                return ExitCodes.Success;
            });
    }
}
