using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using Rpctl.Commands;
using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>
/// Parses, invokes, and maps every failure to an exit code in one place. Tests call
/// <see cref="RunAsync"/> with their own <see cref="CliContext"/>.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        await using var invocation = new Invocation(context, global);
        var completing = args.Length > 0 && args[0].StartsWith("[suggest", StringComparison.Ordinal);
        var root = CommandRegistry.BuildRoot(invocation, completing, completing ? string.Join(' ', args[1..]) : null);
        // No response files: `--readme @FILE` is ours to read, and an @ argument must never be expanded silently.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        invocation.Parse = parse;

        try
        {
            // Help and the [suggest:N] completion directive run even on an incomplete command line.
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction && !IsSuggest(parse))
                return ReportParseErrors(parse, context, invocation);
            if (parse.Action is not HelpAction && OptionTakenAsArgument(parse) is { } stray)
                throw CliException.Usage($"unknown option '{stray}' (see '{string.Join(' ', CommandPath(parse.CommandResult.Command))} --help')");

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.Action is not HelpAction)
                invocation.StartDeadline(deadline, cancellationToken);

            var config = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Err,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(config, deadline.Token);
        }
        catch (Exception ex) when (IsBrokenPipe(ex))
        {
            // The reader went away (`rpctl pod list | head -1`): what it wanted was printed; stop quietly.
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            var (format, debug) = SafeOutputSettings(invocation);
            if (ex is OperationCanceledException && (cancellationToken.IsCancellationRequested || invocation.DeadlineExpired))
                ex = invocation.Interrupted("");

            return ErrorReporter.Report(ex, context.Err, format, debug && ex is not CliException { ExitCode: ExitCodes.Interrupted });
        }
        finally
        {
            await FlushQuietlyAsync(context.Out);
            await FlushQuietlyAsync(context.Err);
        }
    }

    private static async Task FlushQuietlyAsync(TextWriter writer)
    {
        try
        {
            await writer.FlushAsync(CancellationToken.None);
        }
        catch (IOException)
        {
            // A closed pipe: nobody is left to read the rest.
        }
    }

    private static bool IsBrokenPipe(Exception ex) =>
        ex is IOException io && (io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase) || (io.HResult & 0xFFFF) == 32);

    private static bool IsSuggest(ParseResult parse) =>
        parse.RootCommandResult.Command is RootCommand root
        && root.Directives.OfType<SuggestDirective>().Any(d => parse.GetResult(d) is not null);

    private static int ReportParseErrors(ParseResult parse, CliContext context, Invocation invocation)
    {
        var message = parse.Errors[0].Message;
        var command = parse.CommandResult.Command;
        var path = string.Join(' ', CommandPath(command));
        // A group (rpctl, rpctl pod) given a word it does not know, or nothing: say which commands exist.
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            var valid = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            message = parse.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } unknown
                ? $"unknown command '{unknown}' for '{path}'; valid commands: {valid}"
                : $"'{path}' needs a command: {valid}";
        }
        var (format, _) = SafeOutputSettings(invocation);
        var error = new CliException(ExitCodes.Usage, $"{message} (see '{path} --help')");
        return ErrorReporter.Report(error, context.Err, format, debug: false);
    }

    /// <summary>
    /// A command taking any number of ids would otherwise read a mistyped flag (<c>pod stop --forse</c>)
    /// as an id and answer "not found"; no resource id starts with a dash.
    /// </summary>
    private static string? OptionTakenAsArgument(ParseResult parse) =>
        parse.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .Where(a => a.Argument.Name.EndsWith("ID", StringComparison.OrdinalIgnoreCase) || a.Argument.Name == "POD")
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .FirstOrDefault(v => v.Length > 1 && v[0] == '-' && !char.IsDigit(v[1]));

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        Symbol? current = command;
        while (current is Command c)
        {
            names.Push(c is RootCommand ? "rpctl" : c.Name);
            current = c.Parents.FirstOrDefault();
        }

        return names;
    }

    // A bad --output value must not stop the error itself from being reported.
    private static (OutputFormat Format, bool Debug) SafeOutputSettings(Invocation invocation)
    {
        try
        {
            return (invocation.Settings.Output, invocation.Settings.Debug);
        }
        catch (Exception)
        {
            return (OutputFormat.Table, false);
        }
    }
}
