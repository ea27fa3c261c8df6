using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.Http;
using Rpctl.Cli;
using Rpctl.Commands.Pod;
using Rpctl.Presets;

namespace Rpctl.Commands.Preset;

/// <summary>
/// <c>preset save NAME</c>: from pod create flags, or captured from a live pod or endpoint (flags
/// then override the capture). GPU names are stored as type ids, so the preset means the same
/// thing tomorrow.
/// </summary>
internal static class PresetSaveCommand
{
    public static Command Create(Invocation inv)
    {
        var name = new Argument<string>("NAME") { Description = "Preset name (letters, digits, - and _)" };
        var fromPod = new Option<string?>("--from-pod") { Description = "Capture the settings of this pod", HelpName = "POD_ID" };
        var fromEndpoint = new Option<string?>("--from-endpoint") { Description = "Capture the settings of this serverless endpoint", HelpName = "ENDPOINT_ID" };
        var description = new Option<string?>("--description") { Description = "A note shown by 'preset list'", HelpName = "TEXT" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing preset of this name" };
        var o = new PodCreateOptions();
        return new Command("save", CommandExtensions.Describe("Save a preset from pod create flags, a pod (--from-pod) or an endpoint (--from-endpoint)",
                "rpctl preset save trainer --gpu \"RTX 4090\" --image runpod/pytorch:2.8.0 --volume-disk 50 --ports 8888/http",
                "rpctl preset save like-prod --from-pod abc123xyz --gpu-count 2",
                "rpctl preset save worker --from-endpoint ep_abc123"))
            .With(name, fromPod, fromEndpoint, description, overwrite)
            .With(o.Storable)
            .With(o.EnvFile)
            .Runs(inv, async (parse, ct) =>
            {
                var presetName = parse.GetValue(name)!;
                PresetStore.Validate(presetName, "NAME");
                var store = new PresetStore(inv.Context);
                if (store.Exists(presetName) && !parse.GetValue(overwrite))
                    throw CliException.Conflict($"preset '{presetName}' already exists; pass --overwrite to replace it");
                var podId = parse.GetValue(fromPod);
                var endpointId = parse.GetValue(fromEndpoint);
                if (podId is not null && endpointId is not null)
                    throw CliException.Usage("--from-pod and --from-endpoint cannot be used together");

                SavedPreset preset;
                if (endpointId is not null)
                {
                    if (o.Storable.Any(s => parse.GetResult(s) is { Implicit: false }))
                        throw CliException.Usage("--from-endpoint takes no pod create flags; edit the saved preset to change it");
                    var endpoint = await GetJsonAsync(inv, "/v2/serverless/" + Uri.EscapeDataString(endpointId), ct);
                    preset = new SavedPreset(presetName, SavedPreset.EndpointKind, parse.GetValue(description), $"endpoint {endpointId}",
                        EndpointPresetValues.FromEndpoint(endpoint));
                }
                else
                {
                    var captured = podId is null ? null
                        : PodPresetValues.Parse(o, new SavedPreset(presetName, SavedPreset.PodKind, null, null,
                            PodPresetValues.FromPod(await GetPodAsync(inv, podId, ct))));
                    var flags = new PodCreateInput(parse, captured, o, settings: null);
                    PodCreatePlanner.Check(flags, o, complete: false);
                    var gpuIds = new List<string>();
                    foreach (var gpu in flags.Get(o.Gpu) ?? [])
                        gpuIds.Add((await inv.GpuCatalog.ResolveAsync("--gpu", gpu, ct)).Id);
                    var values = PodPresetValues.FromInput(flags, o, flags.Env(inv.Context), gpuIds);
                    if (values.Count == 0)
                        throw CliException.Usage("nothing to save: give pod create flags (e.g. --gpu, --image) or --from-pod POD_ID");
                    preset = new SavedPreset(presetName, SavedPreset.PodKind, parse.GetValue(description),
                        podId is null ? "flags" : $"pod {podId}", values);
                }

                store.Save(preset);
                inv.Output.Note($"saved preset '{presetName}' to {store.PathOf(presetName)}");
                return ExitCodes.Success;
            });
    }

    private static async Task<JsonNode> GetPodAsync(Invocation inv, string id, CancellationToken ct)
    {
        var pod = await (await inv.ClientAsync(ct)).Pods.GetAsync(id, ct);
        return JsonNode.Parse(pod.Raw.GetRawText()) ?? new JsonObject();
    }

    /// <summary>Endpoints have no typed client in this build yet; the v2 object is read as it is.</summary>
    private static async Task<JsonNode> GetJsonAsync(Invocation inv, string path, CancellationToken ct)
    {
        var client = await inv.ClientAsync(ct);
        using var doc = await client.Transport.SendAsync(new ApiRequest(ApiSurface.Rest, HttpMethod.Get, path, null), ct);
        return JsonNode.Parse(doc!.RootElement.GetRawText()) ?? new JsonObject();
    }
}
