using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Rpctl.Cli;

namespace Rpctl.Completion;

/// <summary>
/// Runs the <c>[suggest:N] "LINE"</c> directive like System.CommandLine's own action, with one
/// difference that makes shells pleasant: options are offered only once the word being completed
/// starts with '-', as git and kubectl do, and the DOS-style help aliases are never offered.
/// </summary>
/// <remarks>
/// The line is taken as the shell sent it when known: the parser's tokens split "-o " into "-o" and
/// " ", which would complete the wrong word.
/// </remarks>
internal sealed class SuggestAction(SuggestDirective directive, CliContext context, string? rawLine) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var line = rawLine ?? parseResult.Tokens.LastOrDefault(t => t.Type != TokenType.Directive)?.Value ?? "";
        var position = parseResult.GetResult(directive)?.Values.SingleOrDefault() is { } text && int.TryParse(text, out var n)
            ? Math.Clamp(n, 0, line.Length)
            : line.Length;
        var inner = parseResult.RootCommandResult.Command.Parse(line[..position]);
        var word = line[(line[..position].LastIndexOfAny([' ', '\t']) + 1)..position].TrimStart('"', '\'');
        foreach (var item in inner.GetCompletions(position))
        {
            var label = item.Label;
            if (label.StartsWith('/') || label == "-?" || (label.StartsWith('-') && !word.StartsWith('-')))
                continue;
            context.Out.WriteLine(label);
        }

        return ExitCodes.Success;
    }

    public static void Install(RootCommand root, CliContext context, string? rawLine = null)
    {
        foreach (var suggest in root.Directives.OfType<SuggestDirective>())
            suggest.Action = new SuggestAction(suggest, context, rawLine);
    }
}
