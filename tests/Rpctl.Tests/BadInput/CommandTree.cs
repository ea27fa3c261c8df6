using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Commands;

namespace Rpctl.Tests.BadInput;

/// <summary>
/// The real command tree, walked so that suites over "every command" pick up new commands the day
/// they are registered, without anyone editing a list.
/// </summary>
internal static class CommandTree
{
    /// <summary>A leaf command: its path ("pod create"), options and arguments.</summary>
    public sealed record Leaf(string Path, IReadOnlyList<Option> Options, IReadOnlyList<Argument> Arguments)
    {
        /// <summary>Placeholder values for the required arguments, so only the thing under test is wrong.</summary>
        public string[] RequiredArgs => RequiredArgsExcept(null);

        /// <summary>As <see cref="RequiredArgs"/>, leaving out the option under test.</summary>
        public string[] RequiredArgsExcept(string? option) =>
        [
            .. Arguments.SelectMany(a => Enumerable.Repeat(DummyValue(a.Name), a.Arity.MinimumNumberOfValues)),
            .. Options.Where(o => o.Required && o.Name != option).SelectMany(o => new[] { o.Name, DummyValue(o.Name) }),
        ];

        public string[] Words => Path.Split(' ');

        public bool Has(string option) => Options.Any(o => o.Name == option || o.Aliases.Contains(option));

        private static string DummyValue(string name) => name.Contains("gpu", StringComparison.OrdinalIgnoreCase) ? "4090" : "zzzzzzzzzzzzzz";
    }

    /// <summary>Commands that block until Ctrl-C: parse-time checks only.</summary>
    public static readonly HashSet<string> LongRunning = ["emulator serve"];

    /// <summary>Commands that pass what follows the pod through to another program (ssh's remote command).</summary>
    public static readonly HashSet<string> PassThrough = ["ssh connect"];

    public static List<Leaf> Leaves()
    {
        var context = new CliContext { Out = TextWriter.Null, Err = TextWriter.Null };
        var root = CommandRegistry.BuildRoot(new Invocation(context, new GlobalOptions()));
        var leaves = new List<Leaf>();
        Walk(root, "", leaves);
        return leaves;
    }

    /// <summary>Options that take a value of a type rpctl validates at parse time (numbers, durations, choices).</summary>
    public static bool IsValidated(Option o) =>
        o.ValueType == typeof(int?) || o.ValueType == typeof(double?) || o.ValueType == typeof(TimeSpan?) || System.Text.RegularExpressions.Regex.IsMatch(o.HelpName ?? "", "^[a-z0-9-]+(\\|[a-z0-9-]+)+$");

    public static bool IsNumeric(Option o) => o.ValueType == typeof(int?) || o.ValueType == typeof(double?) || o.ValueType == typeof(TimeSpan?);

    public static bool TakesValue(Option o) => o.ValueType != typeof(bool);

    private static void Walk(Command command, string prefix, List<Leaf> leaves)
    {
        var path = command is RootCommand ? "" : (prefix + " " + command.Name).Trim();
        var children = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (children.Count == 0 && path.Length > 0)
            leaves.Add(new Leaf(path, [.. command.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "--version"))], [.. command.Arguments]));
        foreach (var child in children)
            Walk(child, path, leaves);
    }
}
