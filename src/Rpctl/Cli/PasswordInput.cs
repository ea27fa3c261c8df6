using System.CommandLine;

namespace Rpctl.Cli;

/// <summary>
/// Where a registry password comes from: a hidden prompt on a terminal, or <c>--password-stdin</c>.
/// <c>--password VALUE</c> still works for old scripts but warns: it lands in shell history and <c>ps</c>.
/// </summary>
internal sealed class PasswordInput
{
    public Option<bool> FromStdin { get; } = new("--password-stdin") { Description = "Read the password from standard input (e.g. pass show hub | rpctl ...)" };

    public Option<string?> Value { get; } = new("--password") { Description = "The password on the command line (discouraged: it lands in shell history; prefer the prompt or --password-stdin)", HelpName = "PASSWORD" };

    public string Read(Invocation inv, ParseResult parse)
    {
        var ctx = inv.Context;
        var stdin = parse.GetValue(FromStdin);
        var given = parse.GetValue(Value);
        if (stdin && given is not null)
            throw CliException.Usage("--password and --password-stdin cannot be used together");
        if (given is not null)
        {
            inv.Output.Warn("--password puts the password in your shell history and the process list; prefer the prompt or --password-stdin");
            return given.Length > 0 ? given : throw CliException.Usage("--password must not be empty");
        }

        if (stdin)
        {
            var piped = ctx.In.ReadToEnd().TrimEnd('\r', '\n');
            return piped.Length > 0 ? piped : throw CliException.Usage("--password-stdin: standard input was empty; pipe the password in");
        }

        if (!ctx.StdinIsTerminal)
            throw CliException.Usage("a password is needed: pipe it with --password-stdin, or run in a terminal to be prompted");
        ctx.Err.Write("Password: ");
        ctx.Err.Flush();
        var typed = ctx.ReadHiddenLine is { } hidden ? hidden() : ctx.In.ReadLine();
        return string.IsNullOrEmpty(typed) ? throw CliException.Usage("no password entered; nothing was changed") : typed;
    }
}
