using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Template;

internal static class TemplateGetCommand
{
    public static Command Create(Invocation inv)
    {
        var id = TemplateCommand.Id();
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("get", CommandExtensions.Describe("Show one template (yours or a public one)",
                "rpctl template get 30zmvf89kd", "rpctl template get 30zmvf89kd -o yaml"))
            .With(id, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var template = await client.Templates.GetAsync(parse.GetValue(id)!, ct);
                inv.Output.WriteItem(TemplateListCommand.Printable(template, parse.GetValue(showSecrets)), TemplateView.Spec);
                return ExitCodes.Success;
            });
    }
}
