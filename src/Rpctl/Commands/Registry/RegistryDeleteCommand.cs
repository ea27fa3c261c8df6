using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Commands.Registry;

internal static class RegistryDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var id = RegistryCommand.Id();
        var yes = SharedOptions.Yes();
        return new Command("delete", CommandExtensions.Describe("Delete a registry credential (refused while a pod uses it)",
                "rpctl registry delete clzdaifot0001l90809257ynb --yes"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var registryId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                var registry = await client.Registries.GetAsync(registryId, ct);
                Confirmation.Require(inv, $"Delete registry credential {registry.Id} ({registry.Name})? Templates using it will lose it.", parse.GetValue(yes));
                try
                {
                    await client.Registries.DeleteAsync(registryId, ct);
                }
                catch (RunPodApiException e) when (e.Status == 400)
                {
                    // RunPod's only 400 here: a pod pulls with this credential. Name the pods ourselves too.
                    var pods = (await client.Pods.ListAsync(ct)).Where(p => p.Raw.TryGetProperty("registry", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String && r.GetString() == registryId)
                        .Select(p => $"pod {p.Id}").ToList();
                    throw CliException.Conflict(pods.Count > 0
                        ? $"cannot delete registry credential {registryId}: it is used by {string.Join(", ", pods)}"
                        : $"cannot delete registry credential {registryId}: {e.Detail}");
                }

                inv.Output.WriteResult(new JsonObject { ["id"] = registry.Id, ["name"] = registry.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted registry credential {registry.Id} ({registry.Name})");
                return ExitCodes.Success;
            });
    }
}
