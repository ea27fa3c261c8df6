using System.CommandLine;

namespace Rpctl.Cli;

internal static class CommandExtensions
{
    /// <summary>Binds a command's run function; exceptions flow to <see cref="CliApp"/>'s one mapper.</summary>
    public static Command Runs(this Command command, Invocation invocation, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, ct) =>
        {
            invocation.Parse = parse;
            return await run(parse, ct);
        });
        return command;
    }

    public static Command With(this Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option o: command.Options.Add(o); break;
                case Argument a: command.Arguments.Add(a); break;
                case Command c: command.Subcommands.Add(c); break;
            }
        }

        return command;
    }

    /// <summary>Help text shows an example under the summary.</summary>
    public static string Describe(string summary, params string[] examples) =>
        examples.Length == 0 ? summary : summary + "\n\nExamples:\n" + string.Join("\n", examples.Select(e => "  " + e));
}
