using System.CommandLine;
using System.Text;
using Rpctl.Cli;
using Rpctl.Commands;

namespace Rpctl.Tests;

/// <summary>Builds docs/commands.md from the real command tree, so the reference cannot drift from the code.</summary>
internal static class CommandReference
{
    public static RootCommand BuildRoot()
    {
        var context = new CliContext { Out = TextWriter.Null, Err = TextWriter.Null };
        return CommandRegistry.BuildRoot(new Invocation(context, new GlobalOptions()));
    }

    public static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var item in Walk(sub, path + " " + sub.Name))
                yield return item;
        }
    }

    public static string Generate()
    {
        var root = BuildRoot();
        var md = new StringBuilder();
        md.Append("# rpctl command reference\n\n");
        md.Append("Generated from the command definitions; do not edit by hand. Regenerate with\n");
        md.Append("`RPCTL_UPDATE_DOCS=1 dotnet test tests/Rpctl.Tests --filter CommandReferenceTests`.\n\n");
        md.Append("Global options (accepted by every command):\n\n");
        Options(md, root.Options.Where(o => o.Recursive));
        foreach (var (path, command) in Walk(root, "rpctl").Skip(1))
        {
            md.Append("## ").Append(path).Append("\n\n");
            var arguments = string.Concat(command.Arguments.Select(a => $" {a.Name}"));
            var usage = command.Subcommands.Count > 0 ? " COMMAND" : "";
            md.Append("```\n").Append(path).Append(arguments).Append(usage).Append(command.Options.Count > 0 ? " [options]" : "").Append("\n```\n\n");
            var parts = (command.Description ?? "").Replace("\r", "").Split("\n\nExamples:\n");
            md.Append(parts[0]).Append("\n\n");
            if (parts.Length > 1)
                md.Append("Examples:\n\n```sh\n").Append(string.Join("\n", parts[1].Split('\n').Select(l => l.Trim()))).Append("\n```\n\n");
            if (command.Arguments.Count > 0)
            {
                md.Append("| Argument | Description |\n|---|---|\n");
                foreach (var a in command.Arguments)
                    md.Append($"| `{a.Name}` | {Cell(a.Description)} |\n");
                md.Append('\n');
            }

            if (command.Subcommands.Count > 0)
            {
                md.Append("| Subcommand | Summary |\n|---|---|\n");
                foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
                    md.Append($"| `{sub.Name}` | {Cell(Summary(sub))} |\n");
                md.Append('\n');
            }

            Options(md, command.Options.Where(o => !o.Recursive && o.Name != "--help"));
        }

        return md.ToString();
    }

    public static string Summary(Command command) => (command.Description ?? "").Split('\n')[0].Trim();

    private static void Options(StringBuilder md, IEnumerable<Option> options)
    {
        var list = options.Where(o => !o.Hidden && o.Name is not ("--help" or "--version")).ToList();
        if (list.Count == 0)
            return;
        md.Append("| Option | Description |\n|---|---|\n");
        foreach (var o in list)
        {
            var names = string.Join(", ", new[] { o.Name }.Concat(o.Aliases).Select(n => $"`{n}`"));
            var value = o.HelpName is { } h ? $" `{h}`" : "";
            md.Append($"| {names}{value} | {Cell(o.Description)} |\n");
        }

        md.Append('\n');
    }

    private static string Cell(string? text) => (text ?? "").Replace("\r", "").Replace("\n", " ").Replace("|", "\\|");
}
