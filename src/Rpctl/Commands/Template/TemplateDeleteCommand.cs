using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Commands.Template;

internal static class TemplateDeleteCommand
{
    public static Command Create(Invocation inv)
    {
        var id = TemplateCommand.Id();
        var yes = SharedOptions.Yes();
        return new Command("delete", CommandExtensions.Describe("Delete one of your templates (refused while a pod or endpoint uses it)",
                "rpctl template delete 9x4m2p7v3a", "rpctl template delete 9x4m2p7v3a --yes"))
            .With(id, yes)
            .Runs(inv, async (parse, ct) =>
            {
                var templateId = parse.GetValue(id)!;
                var client = await inv.ClientAsync(ct);
                // Read first: a wrong id is reported as not found before anyone is asked to confirm.
                var template = await client.Templates.GetAsync(templateId, ct);
                if (template.Public && !(await client.Templates.ListAsync(ct)).Any(t => t.Id == templateId))
                    throw CliException.NotFound($"template {templateId} is a public template you do not own; only your own templates can be deleted");
                Confirmation.Require(inv, $"Delete template {template.Id} ({template.Name})?", parse.GetValue(yes));
                try
                {
                    await client.Templates.DeleteAsync(templateId, ct);
                }
                catch (RunPodApiException e) when (e.Status == 400)
                {
                    // RunPod's only 400 here: a pod or endpoint still uses the template.
                    throw CliException.Conflict($"cannot delete template {templateId}: {e.Detail}");
                }

                inv.Output.WriteResult(new JsonObject { ["id"] = template.Id, ["name"] = template.Name, ["action"] = "delete", ["ok"] = true },
                    $"Deleted template {template.Id} ({template.Name})");
                return ExitCodes.Success;
            });
    }
}
