using System.CommandLine;
using System.CommandLine.Parsing;

namespace Rpctl.Cli;

/// <summary>
/// Id (or id-or-name) arguments. An empty or blank value is refused at parse time (exit 2):
/// passed on, it would become a request on the collection path (`GET /v2/pods/` lists every pod).
/// </summary>
internal static class IdArguments
{
    public static Argument<string> One(string name, string description) =>
        RejectBlank(new Argument<string>(name) { Description = description });

    /// <summary>For commands where the id may be left out (e.g. picked interactively).</summary>
    public static Argument<string?> Optional(string name, string description, ArgumentArity arity) =>
        RejectBlank(new Argument<string?>(name) { Description = description, Arity = arity });

    public static Argument<string[]> Many(string name, string description) =>
        RejectBlank(new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore });

    private static T RejectBlank<T>(T argument) where T : Argument
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                result.AddError($"{argument.Name} must not be empty");
        });
        return argument;
    }
}
