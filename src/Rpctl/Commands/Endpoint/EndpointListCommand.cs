using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointListCommand
{
    public static Command Create(Invocation inv)
    {
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("list", CommandExtensions.Describe("List your serverless endpoints", "rpctl endpoint list", "rpctl endpoint list -o json"))
            .With(showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var endpoints = await client.Endpoints.ListAsync(ct);
                inv.Output.WriteList([.. endpoints.Select(e => EndpointArguments.Printable(e, parse.GetValue(showSecrets)))], EndpointView.Spec());
                return ExitCodes.Success;
            });
    }
}
