using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Template;

internal static class TemplateCommand
{
    public static Command Create(Invocation inv) =>
        new Command("template", CommandExtensions.Describe("Create and manage pod and serverless templates; browse public ones",
            "rpctl template list", "rpctl template search --help")).With(
            TemplateListCommand.Create(inv),
            TemplateSearchCommand.Create(inv),
            TemplateGetCommand.Create(inv),
            TemplateCreateCommand.Create(inv),
            TemplateUpdateCommand.Create(inv),
            TemplateDeleteCommand.Create(inv));

    public static Argument<string> Id() => IdArguments.One("TEMPLATE_ID", "The template's id (see 'rpctl template list')");
}
