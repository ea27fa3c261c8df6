using System.CommandLine;
using System.Text.Json;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

internal static class PodListCommand
{
    public static Command Create(Invocation inv)
    {
        var status = new Option<string[]>("--status") { Description = "Only pods with this status (repeatable or comma-separated): provisioning, starting, running, exited, error", AllowMultipleArgumentsPerToken = false };
        var name = new Option<string?>("--name") { Description = "Only pods whose name matches this pattern (* and ?)", HelpName = "GLOB" };
        var showSecrets = SharedOptions.ShowSecrets();

        return new Command("list", CommandExtensions.Describe("List your pods",
                "rpctl pod list", "rpctl pod list --status running -o json", "rpctl pod list --name 'train-*'"))
            .With(status, name, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var statuses = (parse.GetValue(status) ?? [])
                    .SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Select(s => PodArguments.ValidateStatus("--status", s))
                    .ToHashSet();
                var matches = parse.GetValue(name) is { } glob ? Glob.Matcher(glob) : _ => true;

                var client = await inv.ClientAsync(ct);
                // The response's own elements, filtered in place: no typed copy of each pod, no re-parse.
                var pods = await client.Pods.ListElementsAsync(ct);
                var selected = pods
                    .Where(p => statuses.Count == 0 || statuses.Contains(Text(p, "status")))
                    .Where(p => matches(Text(p, "name")))
                    .ToList();
                inv.Output.WriteList(selected, PodView.Spec(DateTimeOffset.UtcNow), parse.GetValue(showSecrets));
                return ExitCodes.Success;
            });
    }

    private static string Text(JsonElement pod, string property) =>
        pod.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
