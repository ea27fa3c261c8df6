using System.CommandLine;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

/// <summary><c>endpoint update</c>: a sparse PATCH; only the settings given are sent.</summary>
internal static class EndpointUpdateCommand
{
    public static Command Create(Invocation inv)
    {
        var id = EndpointArguments.Id();
        var o = new EndpointSpecOptions();
        return new Command("update", CommandExtensions.Describe("Change an endpoint's workers, scaling, GPUs, image, env or timeouts",
                "rpctl endpoint update abc123def456gh --workers-min 0 --workers-max 5",
                "rpctl endpoint update abc123def456gh --gpu 4090 --exclude-gpu \"RTX 4090\" --gpu ADA_48_PRO",
                "rpctl endpoint update abc123def456gh --scaler-value 2 --execution-timeout 10m"))
            .With([id, .. o.ForUpdate])
            .Runs(inv, async (parse, ct) =>
            {
                var endpointId = parse.GetValue(id)!;
                var request = EndpointsClient.BuildUpdate(endpointId, await EndpointRequestBuilder.UpdateAsync(inv, parse, o, endpointId, ct));
                if (parse.GetValue(o.DryRun))
                {
                    DryRun.Print(inv, [("update", request)]);
                    return ExitCodes.Success;
                }

                var client = await inv.ClientAsync(ct);
                var endpoint = await EndpointArguments.SendNamingTemplateAsync(() => client.Endpoints.UpdateAsync(request, ct), parse.GetValue(o.Template));
                inv.Output.WriteResult(EndpointArguments.Printable(endpoint, parse.GetValue(o.ShowSecrets)), $"Updated endpoint {endpoint.Id} ({endpoint.Name})");
                return ExitCodes.Success;
            });
    }
}
