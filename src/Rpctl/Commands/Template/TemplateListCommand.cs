using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Templates;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Template;

internal static class TemplateListCommand
{
    public static Command Create(Invocation inv)
    {
        var isPublic = new Option<bool>("--public") { Description = "List the public catalog instead of your own templates" };
        var source = ValidatedOptions.Choice("--source", "Public catalog slice, implies --public (default official)", [.. TemplateSource.All]);
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("list", CommandExtensions.Describe("List your templates, or the public catalog",
                "rpctl template list", "rpctl template list --public --source community -o json"))
            .With(isPublic, source, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var wantPublic = parse.GetValue(isPublic) || parse.GetValue(source) is not null;
                var templates = wantPublic
                    ? await client.Templates.ListPublicAsync(parse.GetValue(source) ?? TemplateSource.Official, ct)
                    : await client.Templates.ListAsync(ct);
                inv.Output.WriteList([.. templates.Select(t => Printable(t, parse.GetValue(showSecrets)))], TemplateView.Spec);
                return ExitCodes.Success;
            });
    }

    /// <summary>The template's JSON as it will be printed, secret-looking env values masked unless asked.</summary>
    public static JsonNode Printable(RunPod.Api.Templates.Template template, bool showSecrets)
    {
        var node = JsonNode.Parse(template.Raw.GetRawText()) ?? new JsonObject();
        if (!showSecrets)
            SecretMasker.MaskEnv(node);
        return node;
    }
}
