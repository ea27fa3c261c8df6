using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Presets;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

internal static class PodCreateCommand
{
    public static Command Create(Invocation inv)
    {
        var o = new PodCreateOptions();
        var command = new Command("create", CommandExtensions.Describe("Create a pod",
                "rpctl pod create --gpu \"RTX 4090\" --image runpod/pytorch:2.8.0 --wait",
                "rpctl pod create --gpu 4090 --gpu a6000 --cloud-type all --ports 8888/http,22/tcp --env HF_TOKEN=... --dry-run",
                "rpctl pod create --cpu cpu3c --vcpu 4 --image ubuntu:24.04",
                "rpctl pod create --gpu 4090 --image runpod/pytorch:2.8.0 --name worker --count 8 --parallel 4",
                "rpctl pod create --preset trainer --gpu-count 2 --save-preset trainer-2x"))
            .With(o.All);
        return command.Runs(inv, (parse, ct) => RunAsync(inv, parse, o, parse.GetValue(o.Preset), ct));
    }

    /// <summary>
    /// Plans and creates (shared by <c>pod create</c> and <c>preset apply</c>); with --save-preset,
    /// saves the settings only once the pod exists, or after a dry run.
    /// </summary>
    public static async Task<int> RunAsync(Invocation inv, ParseResult parse, PodCreateOptions o, string? presetName, CancellationToken ct)
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
        var presetParse = presetName is null ? null : PodPresetValues.Parse(o, store.Load(presetName, "--preset"));
        var flags = new PodCreateInput(parse, presetParse, o, inv.Settings);
        // A generated name differs on every run, so a re-run after a partial failure would start a new batch.
        if (parse.GetValue(o.Count) is not null && flags.Get(o.Name) is null)
            throw CliException.Usage("--count needs --name NAME: the pods are named NAME-1..N, so re-running the command finds the ones already created");
        var (attempts, planned) = await PodCreatePlanner.PlanAsync(inv, flags, o, ct);
        if (parse.GetValue(o.Count) is { } count)
        {
            var code = await PodBulkCreate.RunAsync(inv, parse, o, attempts, count, ct);
            if (code == ExitCodes.Success || parse.GetValue(o.DryRun))
                SavePresetIfAsked(inv, store, savePreset, flags, o, planned, presetName);
            return code;
        }

        if (parse.GetValue(o.DryRun))
        {
            DryRun.Print(inv, attempts.Select(a => (a.Label, a.Request)).ToList());
            SavePresetIfAsked(inv, store, savePreset, flags, o, planned, presetName);
            return ExitCodes.Success;
        }

        RunPod.Api.Pods.Pod pod;
        try
        {
            pod = await CreateFirstAvailableAsync(inv, attempts, ct);
        }
        catch (RunPodApiException e) when (e.Status == 404 && flags.Get(o.Template) is { } templateId)
        {
            // The create's 404 does not say what is missing; with --template, that is what a user mistypes.
            throw CliException.NotFound($"template '{templateId}' not found (see 'rpctl template list' and 'rpctl template list --public')");
        }

        SavePresetIfAsked(inv, store, savePreset, flags, o, planned, presetName);
        if (parse.GetValue(o.Wait))
        {
            var client = await inv.ClientAsync(ct);
            var timeout = PodArguments.Duration(parse, o.Timeout, TimeSpan.FromMinutes(10));
            try
            {
                pod = await PodWaiter.WaitAsync(client, pod.Id, PodStatus.Running, timeout, TimeSpan.FromSeconds(1), inv.Output.Note, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw inv.Interrupted($"pod {pod.Id} ({pod.Name}) was created and may be billing", pod.Id);
            }
        }

        var printable = PodArguments.Printable(pod, parse.GetValue(o.ShowSecrets));
        inv.Output.WriteResult(printable, $"Created pod {pod.Id} ({pod.Name}), status {pod.Status}");
        return ExitCodes.Success;
    }

    /// <summary>Saving reports on stderr only, so stdout stays the pod's JSON in -o json mode.</summary>
    private static void SavePresetIfAsked(Invocation inv, PresetStore store, string? name, PodCreateInput flags, PodCreateOptions o,
        PlannedValues planned, string? basedOn)
    {
        if (name is null)
            return;
        var values = PodPresetValues.FromInput(flags, o, planned.Env, planned.GpuIds);
        var source = basedOn is null ? "pod create flags" : $"preset '{basedOn}' with pod create flags";
        store.Save(new SavedPreset(name, SavedPreset.PodKind, null, source, values));
        inv.Output.Note($"saved preset '{name}' to {store.PathOf(name)}");
    }

    /// <summary>
    /// Tries each GPU type / cloud in order, as RunPod's createPod description recommends: "no
    /// capacity" (400) and "no access" (403) move on to the next; anything else stops.
    /// </summary>
    internal static async Task<RunPod.Api.Pods.Pod> CreateFirstAvailableAsync(Invocation inv, List<CreateAttempt> attempts, CancellationToken ct)
    {
        var client = await inv.ClientAsync(ct);
        var refusals = new List<string>();
        foreach (var attempt in attempts)
        {
            try
            {
                var pod = await SendAsync(inv, client, attempt, ct);
                if (attempts.Count > 1)
                    inv.Output.Note($"using {attempt.Label}");
                return pod;
            }
            catch (RunPodApiException e) when (e.IsNoCapacity || e.Status == 403)
            {
                refusals.Add($"{attempt.Label}: {e.Detail}");
                if (attempt != attempts[^1])
                    inv.Output.Note($"{attempt.Label}: {(e.Status == 403 ? "no access" : "no capacity")}, trying the next option");
            }
            catch (GraphQlException e) when (e.IsNoCapacity)
            {
                refusals.Add($"{attempt.Label}: {e.Message}");
            }
        }

        throw CliException.Conflict(attempts.Count == 1
            ? $"no capacity: {refusals[0]} (see 'rpctl capacity list')"
            : $"no capacity for any option: {string.Join("; ", refusals)}");
    }

    /// <summary>Sends one attempt; a lost answer is resolved by looking for the pod, never by a blind re-send.</summary>
    private static async Task<RunPod.Api.Pods.Pod> SendAsync(Invocation inv, RunPodClient client, CreateAttempt attempt, CancellationToken ct) =>
        await SafeCreate.SendAsync(inv, PodLookup.For(client, attempt.Name), async token =>
        {
            if (attempt.GraphQlField is null)
                return await client.Pods.CreateAsync(attempt.Request, token);

            // GraphQL returns its own pod shape; read the pod back from v2 so output is always the v2 object.
            var created = await client.GraphQl.ExecuteAsync(attempt.Request, attempt.GraphQlField, token);
            var id = created.GetProperty("id").GetString()!;
            return await client.Pods.GetAsync(id, token);
        }, ct);
}
