using System.CommandLine;
using RunPod.Api.Templates;
using Rpctl.Cli;
using Rpctl.Output;

namespace Rpctl.Commands.Template;

internal static class TemplateSearchCommand
{
    public static Command Create(Invocation inv)
    {
        var term = new Argument<string>("TERM") { Description = "Text to find in a template's name, image or id (case-insensitive)" };
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("search", CommandExtensions.Describe("Search your templates and the whole public catalog",
                "rpctl template search pytorch", "rpctl template search comfy -o json"))
            .With(term, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var text = parse.GetValue(term)!.Trim();
                if (text.Length == 0)
                    throw CliException.BadValue("TERM", text, "the search term must not be empty");
                var client = await inv.ClientAsync(ct);
                var found = new List<RunPod.Api.Templates.Template>(await client.Templates.ListAsync(ct));
                foreach (var source in TemplateSource.All)
                    found.AddRange(await client.Templates.ListPublicAsync(source, ct));
                var matches = found
                    .Where(t => Matches(t, text))
                    .DistinctBy(t => t.Id) // your own public templates also appear in the community slice
                    .Select(t => TemplateListCommand.Printable(t, parse.GetValue(showSecrets)))
                    .ToList();
                inv.Output.WriteList(matches, TemplateView.Spec);
                return ExitCodes.Success;
            });
    }

    private static bool Matches(RunPod.Api.Templates.Template t, string text) =>
        t.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.Image.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.Id.Equals(text, StringComparison.OrdinalIgnoreCase);
}
