using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Templates;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Template;

/// <summary>
/// <c>template update</c>: a sparse PATCH. RunPod replaces the whole <c>env</c> map when one is sent,
/// so by default <c>--env</c> is merged into the current env here; <c>--replace-env</c> says otherwise.
/// </summary>
internal static class TemplateUpdateCommand
{
    public static Command Create(Invocation inv)
    {
        var id = TemplateCommand.Id();
        var o = new TemplateOptions();
        var replaceEnv = new Option<bool>("--replace-env") { Description = "Make the env exactly the --env values (default: merge them into the current env)" };
        var unsetEnv = new Option<string[]>("--unset-env") { Description = "Remove this env variable (repeatable)", HelpName = "KEY" };
        var serverless = new Option<bool>("--serverless") { Description = "Make it a serverless template" };
        var pod = new Option<bool>("--pod") { Description = "Make it a pod template" };
        var ssh = new Option<bool>("--ssh") { Description = "Provision SSH access again" };
        var jupyter = new Option<bool>("--jupyter") { Description = "Start JupyterLab again" };
        var showSecrets = SharedOptions.ShowSecrets();
        o.RegistryAuth.Description = "Registry credential id, or 'none' to remove it";
        o.CudaVersion.Description = "Allowed host CUDA versions (repeatable or comma-separated), or 'any' to clear";
        return new Command("update", CommandExtensions.Describe("Change a template (only the fields given); existing pods are not affected",
                "rpctl template update 9x4m2p7v3a --image runpod/pytorch:2.9.0",
                "rpctl template update 9x4m2p7v3a --env DEBUG=1 --unset-env OLD",
                "rpctl template update 9x4m2p7v3a --replace-env --env ONLY=this"))
            .With(id, o.Name, o.Image, serverless, pod, o.ContainerDisk, o.VolumeDisk, o.VolumeMountPath, o.Ports, o.Env, replaceEnv, unsetEnv,
                o.DockerStartCmd, o.RegistryAuth, o.Readme, o.CudaVersion, o.NoSsh, ssh, o.NoJupyter, jupyter, o.DryRun, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var templateId = parse.GetValue(id)!;
                var changes = TemplateFields.Common(parse, o);
                Toggle(parse, changes, "serverless", serverless, "--serverless", pod, "--pod", onValue: true);
                Toggle(parse, changes, "startSsh", ssh, "--ssh", o.NoSsh, "--no-ssh", onValue: true);
                Toggle(parse, changes, "startJupyter", jupyter, "--jupyter", o.NoJupyter, "--no-jupyter", onValue: true);
                if (parse.GetValue(o.RegistryAuth) is { } registry)
                    changes["registry"] = registry.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : registry;

                var newEnv = EnvVars.Parse(parse.GetValue(o.Env) ?? [], null, inv.Context);
                var unset = parse.GetValue(unsetEnv) ?? [];
                var replace = parse.GetValue(replaceEnv);
                if (replace && unset.Length > 0)
                    throw CliException.Usage("--replace-env and --unset-env cannot be used together");
                // Alone, --replace-env would wipe every variable (secrets included): too easy to do by accident.
                if (replace && newEnv.Count == 0)
                    throw CliException.Usage("--replace-env needs --env NAME=VALUE values; to remove variables, use --unset-env NAME");
                var mountPath = TemplateFields.MountPath(parse, o);
                var volume = parse.GetValue(o.VolumeDisk);
                var readme = TemplateFields.Readme(parse, o, inv.Context);
                var mergesEnv = (newEnv.Count > 0 && !replace) || unset.Length > 0;

                if (changes.Count == 0 && newEnv.Count == 0 && unset.Length == 0 && !replace && volume is null && mountPath is null && readme is null)
                    throw CliException.Usage("nothing to update: give at least one field to change (see 'rpctl template update --help')");

                // The current template is needed to merge env, keep the mount's other half, or re-send fields with the readme.
                RunPod.Api.Templates.Template? current = null;
                if (mergesEnv || (mountPath is null) != (volume is null) || readme is not null)
                    current = await (await inv.ClientAsync(ct)).Templates.GetAsync(templateId, ct);

                if (replace || mergesEnv)
                    changes["env"] = TemplateFields.Env(MergeEnv(replace ? [] : current!.Env ?? [], newEnv, unset));
                if (volume is not null || mountPath is not null)
                    changes["mounts"] = Mount(current, volume, mountPath);

                var requests = new List<(string, ApiRequest)>();
                if (changes.Count > 0)
                    requests.Add(("update", TemplatesClient.BuildUpdate(templateId, changes)));
                if (parse.GetValue(o.DryRun))
                {
                    if (readme is not null)
                        requests.Add(("set the readme (REST v2 has no readme field)", TemplatesClient.BuildSetReadme(AfterUpdate(current!, changes), readme)));
                    DryRun.Print(inv, requests, sequence: true);
                    return ExitCodes.Success;
                }

                var client = await inv.ClientAsync(ct);
                var updated = changes.Count > 0 ? await client.Templates.UpdateAsync(requests[0].Item2, ct) : current!;
                if (readme is not null)
                    await client.GraphQl.ExecuteAsync(TemplatesClient.BuildSetReadme(updated, readme), "saveTemplate", ct);
                inv.Output.WriteResult(TemplateListCommand.Printable(updated, parse.GetValue(showSecrets)), $"Updated template {updated.Id} ({updated.Name})");
                return ExitCodes.Success;
            });
    }

    /// <summary>The v2 template as the PATCH will leave it, so the dry run shows the saveTemplate that would follow.</summary>
    private static JsonObject AfterUpdate(RunPod.Api.Templates.Template current, JsonObject changes)
    {
        var after = RunPod.Api.Templates.SaveTemplateInput.V2Object(current);
        foreach (var (key, value) in changes)
            after[key] = value?.DeepClone();
        return after;
    }

    private static void Toggle(ParseResult parse, JsonObject changes, string field, Option<bool> on, string onName, Option<bool> off, string offName, bool onValue)
    {
        if (parse.GetValue(on) && parse.GetValue(off))
            throw CliException.Usage($"{onName} and {offName} cannot be used together");
        if (parse.GetValue(on))
            changes[field] = onValue;
        else if (parse.GetValue(off))
            changes[field] = !onValue;
    }

    private static Dictionary<string, string> MergeEnv(Dictionary<string, string> current, Dictionary<string, string> set, string[] unset)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (k, v) in set) merged[k] = v;
        foreach (var k in unset)
        {
            if (!merged.Remove(k))
                throw CliException.BadValue("--unset-env", k, "the template has no such env variable");
        }

        return merged;
    }

    /// <summary>A persistent mount needs both size and path: the one not given is kept from the template.</summary>
    private static JsonObject Mount(RunPod.Api.Templates.Template? current, int? size, string? path)
    {
        var existing = current is null ? null : JsonNode.Parse(current.Raw.GetRawText())?["mounts"]?["persistent"];
        var newSize = size ?? existing?["size"]?.GetValue<int>()
            ?? throw CliException.Usage($"template {current?.Id} has no volume, so --volume-mount-path needs --volume-disk too");
        return TemplateFields.Persistent(newSize, path ?? existing?["path"]?.GetValue<string>() ?? "/workspace");
    }
}
