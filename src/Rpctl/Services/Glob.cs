using System.Text.RegularExpressions;

namespace Rpctl.Services;

/// <summary>Shell-style name patterns: <c>*</c> and <c>?</c>, case-insensitive.</summary>
internal static class Glob
{
    public static Func<string, bool> Matcher(string pattern)
    {
        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return regex.IsMatch;
    }
}
