using System.CommandLine;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

internal static class EndpointCreateCommand
{
    public static Command Create(Invocation inv)
    {
        var o = new EndpointSpecOptions();
        return new Command("create", CommandExtensions.Describe("Create a serverless endpoint",
                "rpctl endpoint create --name sdxl --template 30zmvf89kd --gpu 4090 --wait",
                "rpctl endpoint create --image myorg/worker:1.0 --gpu ADA_24 --gpu AMPERE_24 --workers-max 5 --env MODEL=sdxl",
                "rpctl endpoint create --image myorg/cpu-worker:1.0 --cpu cpu3c:4 --scaler-type request-count --scaler-value 2 --dry-run"))
            .With(o.ForCreate)
            .Runs(inv, async (parse, ct) =>
            {
                var request = EndpointsClient.BuildCreate(await EndpointRequestBuilder.CreateAsync(inv, parse, o, ct));
                if (parse.GetValue(o.DryRun))
                {
                    DryRun.Print(inv, [("create", request)]);
                    return ExitCodes.Success;
                }

                var client = await inv.ClientAsync(ct);
                var endpoint = await EndpointArguments.SendNamingTemplateAsync(() => client.Endpoints.CreateAsync(request, ct), parse.GetValue(o.Template));
                if (parse.GetValue(o.Wait) && endpoint.Workers?.Min == 0)
                {
                    // No worker starts before the first job when min is 0, so waiting could never end.
                    inv.Output.Note($"endpoint {endpoint.Id} has workers.min 0: its first worker starts with the first job, so there is nothing to wait for (use --workers-min 1 to keep one ready)");
                }
                else if (parse.GetValue(o.Wait))
                {
                    var timeout = parse.GetValue(o.Timeout) ?? TimeSpan.FromMinutes(10);
                    await EndpointWaiter.WaitReadyAsync(client, endpoint.Id, timeout, TimeSpan.FromSeconds(1), inv.Output.Note, ct);
                }

                inv.Output.WriteResult(EndpointArguments.Printable(endpoint, parse.GetValue(o.ShowSecrets)),
                    $"Created endpoint {endpoint.Id} ({endpoint.Name}); send work with 'rpctl endpoint run {endpoint.Id} --input JSON'");
                return ExitCodes.Success;
            });
    }
}
