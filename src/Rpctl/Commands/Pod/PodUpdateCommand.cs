using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary><c>pod update</c>: a sparse PATCH; only the fields given are sent.</summary>
internal static class PodUpdateCommand
{
    public static Command Create(Invocation inv)
    {
        var id = PodArguments.Id();
        var name = new Option<string?>("--name") { Description = "New name" };
        var image = new Option<string?>("--image") { Description = "New image (applies on the next start)" };
        var env = new Option<string[]>("--env", "-e") { Description = "Set KEY=VALUE, merged into the pod's env (repeatable)", HelpName = "KEY=VALUE" };
        var replaceEnv = new Option<bool>("--replace-env") { Description = "Replace the whole env with the --env values instead of merging" };
        var unsetEnv = new Option<string[]>("--unset-env") { Description = "Remove this env variable (repeatable)", HelpName = "KEY" };
        var ports = new Option<string[]>("--ports") { Description = "Replace the exposed ports, e.g. 8888/http,22/tcp", HelpName = "PORTS" };
        var disk = ValidatedOptions.Int("--container-disk", "Container disk in GB", 1, 10_000, "GB");
        var mountPath = new Option<string?>("--volume-mount") { Description = "New mount path of the pod's volume", HelpName = "PATH" };
        var args = new Option<string?>("--docker-start-cmd") { Description = "New entrypoint arguments (v2 'args')", HelpName = "CMD" };
        var dryRun = SharedOptions.DryRun();
        var showSecrets = SharedOptions.ShowSecrets();

        return new Command("update", CommandExtensions.Describe("Change a pod's name, image, env, ports, disk or mount path",
                "rpctl pod update abc123def456gh --name trainer-2",
                "rpctl pod update abc123def456gh --env DEBUG=1 --unset-env OLD_FLAG",
                "rpctl pod update abc123def456gh --replace-env --env ONLY=this"))
            .With(id, name, image, env, replaceEnv, unsetEnv, ports, disk, mountPath, args, dryRun, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var podId = parse.GetValue(id)!;
                var changes = new JsonObject();
                if (parse.GetValue(name) is { } n)
                {
                    if (n.Trim().Length == 0) throw CliException.BadValue("--name", n, "the name must not be empty");
                    changes["name"] = n;
                }

                if (parse.GetValue(image) is { } i) changes["image"] = i;
                if (parse.GetValue(disk) is { } d) changes["disk"] = d;
                if (parse.GetValue(args) is { } a) changes["args"] = a;
                if (parse.GetValue(ports) is { Length: > 0 } p) changes["ports"] = new JsonArray(PortSpecs.Parse(p).Select(s => (JsonNode)s).ToArray());

                var newEnv = EnvVars.Parse(parse.GetValue(env) ?? [], null, inv.Context);
                var unset = parse.GetValue(unsetEnv) ?? [];
                var replace = parse.GetValue(replaceEnv);
                if (replace && unset.Length > 0)
                    throw CliException.Usage("--replace-env and --unset-env cannot be used together");
                // Alone, --replace-env would wipe every variable (secrets included): too easy to do by accident.
                if (replace && newEnv.Count == 0)
                    throw CliException.Usage("--replace-env needs --env NAME=VALUE values; to remove variables, use --unset-env NAME");
                var path = parse.GetValue(mountPath);
                if (path is not null && !path.StartsWith('/'))
                    throw CliException.BadValue("--volume-mount", path, "expected an absolute path such as /workspace");

                var needCurrent = (newEnv.Count > 0 && !replace) || unset.Length > 0 || path is not null;
                if (needCurrent || replace)
                {
                    var client = await inv.ClientAsync(ct);
                    var current = needCurrent ? await client.Pods.GetAsync(podId, ct) : null;
                    if (newEnv.Count > 0 || unset.Length > 0 || replace)
                        changes["env"] = MergeEnv(replace ? new() : current?.Env ?? new(), newEnv, unset);
                    if (path is not null)
                        changes["mounts"] = MountWithPath(current!, path);
                }

                if (changes.Count == 0)
                    throw CliException.Usage("nothing to update: give at least one of --name, --image, --env, --unset-env, --ports, --container-disk, --volume-mount, --docker-start-cmd");

                if (parse.GetValue(dryRun))
                {
                    DryRun.Print(inv, [("update", PodsClient.BuildUpdate(podId, changes))]);
                    return ExitCodes.Success;
                }

                var pod = await (await inv.ClientAsync(ct)).Pods.UpdateAsync(podId, changes, ct);
                inv.Output.WriteResult(PodArguments.Printable(pod, parse.GetValue(showSecrets)), $"Updated pod {pod.Id} ({pod.Name})");
                return ExitCodes.Success;
            });
    }

    private static JsonObject MergeEnv(Dictionary<string, string> current, Dictionary<string, string> set, string[] unset)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (k, v) in set) merged[k] = v;
        foreach (var k in unset)
        {
            if (!merged.Remove(k))
                throw CliException.BadValue("--unset-env", k, "the pod has no such env variable");
        }

        return new JsonObject(merged.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
    }

    /// <summary>The mount kind is fixed at create; only its path may change, so the existing mount is re-sent with the new path.</summary>
    private static JsonObject MountWithPath(RunPod.Api.Pods.Pod pod, string path)
    {
        var mounts = pod.Raw.TryGetProperty("mounts", out var m) && m.ValueKind == JsonValueKind.Object ? JsonNode.Parse(m.GetRawText())!.AsObject() : new JsonObject();
        if (mounts["persistent"] is JsonObject persistent)
            persistent["path"] = path;
        else if (mounts["network"] is JsonArray { Count: > 0 } network && network[0] is JsonObject first)
            first["path"] = path;
        else
            throw CliException.Usage($"pod {pod.Id} has no volume, so --volume-mount has nothing to change");
        return mounts;
    }
}
