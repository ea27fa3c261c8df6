using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Ssh;

/// <summary>
/// <c>ssh config [POD...] [--all-running]</c>: writes <c>Host rp-&lt;name&gt;</c> entries into rpctl's
/// block of ~/.ssh/config so plain ssh, scp, rsync and editors reach pods by name. Entries already
/// in the block are refreshed, entries of pods that no longer exist are removed.
/// </summary>
internal static class SshConfigCommand
{
    public static Command Create(Invocation inv)
    {
        var pods = IdArguments.Many("POD", "Pods to add (id or name); none: refresh the existing entries");
        var allRunning = new Option<bool>("--all-running") { Description = "Add every RUNNING pod" };
        var print = new Option<bool>("--print") { Description = "Print the block instead of writing ~/.ssh/config" };
        var key = new Option<string?>("--key", "-i") { Description = "IdentityFile for the new and refreshed entries", HelpName = "PATH" };
        var proxy = new Option<bool>("--proxy") { Description = "Use RunPod's SSH proxy even for pods with a direct endpoint" };
        return new Command("config", CommandExtensions.Describe(
                "Write Host rp-<name> entries for pods into ~/.ssh/config (only rpctl's marked block is touched)",
                "rpctl ssh config --all-running", "rpctl ssh config trainer abc123def456gh -i ~/.ssh/id_ed25519", "rpctl ssh config --print", "rpctl ssh config"))
            .With(pods, allRunning, print, key, proxy)
            .Runs(inv, async (parse, ct) =>
            {
                var identity = parse.GetValue(key) is { } k ? Path.GetFullPath(k.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(inv.Context.HomeDirectory, k[2..]) : k, inv.Context.WorkingDirectory) : null;
                if (identity is not null && !File.Exists(identity))
                    throw CliException.BadValue("--key", parse.GetValue(key)!, "no such file");

                var path = SshConfigFile.PathFor(inv.Context);
                var original = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : "";
                var existing = SshConfigFile.ReadEntries(original);

                var client = await inv.ClientAsync(ct);
                var all = await client.Pods.ListAsync(ct);
                var wanted = new List<RunPod.Api.Pods.Pod>();
                foreach (var name in parse.GetValue(pods) ?? [])
                    wanted.Add(all.FirstOrDefault(p => p.Id == name) ?? await SshPods.ResolveAsync(client, name, ct));
                if (parse.GetValue(allRunning))
                    wanted.AddRange(all.Where(p => p.Status == PodStatus.Running));

                var byId = all.ToDictionary(p => p.Id, StringComparer.Ordinal);
                var kept = existing.Where(e => byId.ContainsKey(e.PodId)).Select(e => byId[e.PodId]);
                var removed = existing.Where(e => !byId.ContainsKey(e.PodId)).ToList();
                var chosen = kept.Concat(wanted).DistinctBy(p => p.Id).ToList();
                var route = parse.GetValue(proxy) ? SshRoute.Proxy : SshRoute.Auto;
                var entries = Aliases(chosen).Select(x => new SshConfigEntry(x.Alias, x.Pod.Id, x.Pod.Name, SshTarget.Choose(x.Pod, route), identity)).ToList();

                var knownHosts = Path.Combine(inv.Context.ConfigDirectory, "known_hosts");
                var block = entries.Count == 0 ? null : SshConfigFile.RenderBlock(entries, knownHosts);
                if (parse.GetValue(print))
                {
                    if (inv.Output.IsTable)
                        inv.Context.Out.Write(block ?? "");
                    else
                        inv.Output.WriteList(Json(entries), Spec);
                    return ExitCodes.Success;
                }

                var updated = SshConfigFile.Merge(original, block);
                if (updated != original)
                    SshConfigFile.WriteAtomically(path, updated);
                inv.Output.WriteList(Json(entries), Spec);
                inv.Output.Note($"{path}: {entries.Count} rpctl {(entries.Count == 1 ? "entry" : "entries")}" +
                                (removed.Count > 0 ? $", removed {string.Join(", ", removed.Select(r => r.Alias))} (pod gone)" : "") +
                                (entries.Count == 0 && existing.Count == 0 ? "; name pods or pass --all-running to add some" : ""));
                return ExitCodes.Success;
            });
    }

    /// <summary><c>rp-&lt;name&gt;</c>; pods sharing a name get their id appended so every alias is unique.</summary>
    private static IEnumerable<(string Alias, RunPod.Api.Pods.Pod Pod)> Aliases(List<RunPod.Api.Pods.Pod> pods)
    {
        var slugs = pods.ToDictionary(p => p.Id, p => Slug(p.Name));
        var shared = slugs.Values.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return pods.Select(p => (shared.Contains(slugs[p.Id]) ? $"rp-{slugs[p.Id]}-{p.Id}" : $"rp-{slugs[p.Id]}", p));
    }

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "pod" : slug;
    }

    private static List<JsonNode> Json(List<SshConfigEntry> entries) =>
    [
        .. entries.Select(e => (JsonNode)new JsonObject
        {
            ["alias"] = e.Alias, ["id"] = e.PodId, ["name"] = e.PodName, ["endpoint"] = e.Target.Kind,
            ["host"] = e.Target.Host, ["port"] = e.Target.Port, ["user"] = e.Target.User,
        }),
    ];

    private static readonly TableSpec Spec = new(
        [
            new Column("HOST", e => JsonPath.Text(e, "alias")),
            new Column("POD", e => JsonPath.Text(e, "id")),
            new Column("NAME", e => JsonPath.Text(e, "name")),
            new Column("ENDPOINT", e => $"{JsonPath.Text(e, "user")}@{JsonPath.Text(e, "host")}:{JsonPath.Text(e, "port")} ({JsonPath.Text(e, "endpoint")})"),
        ],
        []);
}
