using System.Text.RegularExpressions;

namespace Rpctl.Services;

/// <summary>POSIX shell quoting: a printed command line that pastes back into a shell as the same argv.</summary>
internal static partial class ShellQuote
{
    public static string Quote(string arg) =>
        arg.Length > 0 && Safe().IsMatch(arg) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Join(IEnumerable<string> argv) => string.Join(' ', argv.Select(Quote));

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex Safe();
}
