using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Serverless;
using Rpctl.Cli;
using Rpctl.Presets;
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
                "rpctl endpoint create --image myorg/cpu-worker:1.0 --cpu cpu3c:4 --scaler-type request-count --scaler-value 2 --dry-run",
                "rpctl endpoint create --preset worker --name worker-2 --workers-max 10 --save-preset worker-big"))
            .With(o.ForCreate)
            .Runs(inv, (parse, ct) => RunAsync(inv, parse, o, parse.GetValue(o.Preset), ct));
    }

    /// <summary>
    /// Builds and creates (shared by <c>endpoint create</c> and <c>preset apply</c>); with
    /// --save-preset, saves the settings only once the endpoint exists, or after a dry run.
    /// </summary>
    public static async Task<int> RunAsync(Invocation inv, ParseResult parse, EndpointSpecOptions o, string? presetName, CancellationToken ct)
    {
        var store = new PresetStore(inv.Context);
        var savePreset = parse.GetValue(o.SavePreset);
        if (savePreset is not null)
            PresetStore.Validate(savePreset, "--save-preset");
        if (parse.GetValue(o.OverwritePreset) && savePreset is null)
            throw CliException.Usage("--overwrite-preset applies only with --save-preset NAME");
        // Refused before anything is created, as 'preset save' refuses without --overwrite.
        if (savePreset is not null && store.Exists(savePreset) && !parse.GetValue(o.OverwritePreset))
            throw CliException.Conflict($"preset '{savePreset}' already exists; pass --overwrite-preset to replace it, or choose another --save-preset name");
        var flags = presetName is null ? parse : EndpointPresetValues.Layer(parse, EndpointPresetValues.Parse(o, store.Load(presetName, "--preset")), o);
        if (flags.Errors.Count > 0)
            throw CliException.Usage($"preset '{presetName}' with the given flags: {flags.Errors[0].Message}");

        var body = await EndpointRequestBuilder.CreateAsync(inv, flags, o, ct);
        var request = EndpointsClient.BuildCreate(body);
        if (flags.GetValue(o.DryRun))
        {
            DryRun.Print(inv, [("create", request)]);
            SavePresetIfAsked(inv, store, savePreset, body, presetName);
            return ExitCodes.Success;
        }

        var client = await inv.ClientAsync(ct);
        var lookup = CreatedLookups.Endpoint(client, body["name"]!.GetValue<string>());
        var endpoint = await EndpointArguments.SendNamingTemplateAsync(
            () => SafeCreate.SendAsync(inv, lookup, token => client.Endpoints.CreateAsync(request, token), ct), flags.GetValue(o.Template));
        SavePresetIfAsked(inv, store, savePreset, body, presetName);
        if (flags.GetValue(o.Wait) && endpoint.Workers?.Min == 0)
        {
            // No worker starts before the first job when min is 0, so waiting could never end.
            inv.Output.Note($"endpoint {endpoint.Id} has workers.min 0: its first worker starts with the first job, so there is nothing to wait for (use --workers-min 1 to keep one ready)");
        }
        else if (flags.GetValue(o.Wait))
        {
            var timeout = flags.GetValue(o.Timeout) ?? TimeSpan.FromMinutes(10);
            await EndpointWaiter.WaitReadyAsync(client, endpoint.Id, timeout, TimeSpan.FromSeconds(1), inv.Output.Note, ct);
        }

        inv.Output.WriteResult(EndpointArguments.Printable(endpoint, flags.GetValue(o.ShowSecrets)),
            $"Created endpoint {endpoint.Id} ({endpoint.Name}); send work with 'rpctl endpoint run {endpoint.Id} --input JSON'");
        return ExitCodes.Success;
    }

    /// <summary>Saves the request as sent (pools and type ids, not what was typed); reports on stderr only, so stdout stays the endpoint's JSON.</summary>
    private static void SavePresetIfAsked(Invocation inv, PresetStore store, string? name, JsonObject body, string? basedOn)
    {
        if (name is null)
            return;
        var source = basedOn is null ? "endpoint create flags" : $"preset '{basedOn}' with endpoint create flags";
        store.Save(new SavedPreset(name, SavedPreset.EndpointKind, null, source, EndpointPresetValues.FromEndpoint(body)));
        inv.Output.Note($"saved preset '{name}' to {store.PathOf(name)}");
    }
}
