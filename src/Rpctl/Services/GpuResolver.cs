using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>One GPU type as the resolver sees it.</summary>
internal sealed record GpuEntry(string Id, string Name, string? Pool, int MemoryGb);

/// <summary>
/// Turns what a person types (<c>RTX 4090</c>, <c>4090</c>, <c>a100 sxm</c>, <c>NVIDIA H100 NVL</c>)
/// into one GPU type id. Exact id or display name wins; then a serverless pool id (ADA_24) with one
/// member; then token matching; an ambiguous name
/// lists the candidates and a typo gets "did you mean" (exit 2 both), so a misspelling is never
/// mistaken for a capacity shortage.
/// </summary>
internal static partial class GpuResolver
{
    public static GpuEntry Resolve(string flag, string input, IReadOnlyList<GpuEntry> gpus)
    {
        var text = input.Trim();
        var exact = gpus.Where(g => string.Equals(g.Id, text, StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(g.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1)
            return exact[0];

        // A serverless pool id (ADA_24) names a GPU only when the pool holds exactly one type.
        var pool = PoolMembers(text, gpus);
        if (pool.Count == 1)
            return pool[0];
        if (pool.Count > 1)
            throw CliException.Usage(
                $"{flag} '{input}' is a serverless pool of {string.Join(", ", pool.Select(g => $"\"{g.Name}\""))}; name one GPU type");

        var query = Tokens(text);
        if (query.Count == 0)
            throw CliException.BadValue(flag, input, "expected a GPU type such as \"RTX 4090\" (see 'rpctl capacity list')");

        // Every typed token must be a whole token of the GPU's id or name...
        var matches = gpus.Where(g => query.All(Tokens(g).Contains)).ToList();
        // ...and if that finds nothing, a prefix of one (e.g. "a100 sx").
        if (matches.Count == 0)
            matches = gpus.Where(g => query.All(q => Tokens(g).Any(t => t.StartsWith(q, StringComparison.Ordinal)))).ToList();

        if (matches.Count == 1)
            return matches[0];
        if (matches.Count > 1)
        {
            // "a40" matches A40 exactly even though "a40" is no prefix here; prefer the candidate with no extra tokens.
            var wanted = query.Except(Noise).Count();
            var tight = matches.Where(g => Tokens(g.Name).Except(Noise).Count() == wanted || Tokens(g.Id).Except(Noise).Count() == wanted).ToList();
            if (tight.Count == 1)
                return tight[0];
            throw CliException.Usage(
                $"{flag} '{input}' is ambiguous: it matches {string.Join(", ", matches.Select(g => $"\"{g.Name}\" ({g.Id})"))}; be more specific");
        }

        var suggestions = Suggest(text, gpus);
        var hint = suggestions.Count > 0
            ? "did you mean " + string.Join(" or ", suggestions.Select(s => $"\"{s}\"")) + "?"
            : "see 'rpctl capacity list' for GPU types";
        throw CliException.Usage($"unknown GPU type '{input}' for {flag}: {hint}");
    }

    /// <summary>
    /// Where a pool stands for its GPUs (compare, serverless): a pool id expands to every member;
    /// anything else resolves to one GPU type as <see cref="Resolve"/> does.
    /// </summary>
    public static IReadOnlyList<GpuEntry> ResolveAll(string flag, string input, IReadOnlyList<GpuEntry> gpus)
    {
        var pool = PoolMembers(input.Trim(), gpus);
        return pool.Count > 0 ? pool : [Resolve(flag, input, gpus)];
    }

    private static List<GpuEntry> PoolMembers(string text, IReadOnlyList<GpuEntry> gpus) =>
        gpus.Where(g => g.Pool is not null && string.Equals(g.Pool, text, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Lower-case tokens without the vendor words that nobody types.</summary>
    internal static HashSet<string> Tokens(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);
        return words.Where(w => w is not ("nvidia" or "geforce" or "amd" or "radeon")).ToHashSet();
    }

    private static HashSet<string> Tokens(GpuEntry g)
    {
        var tokens = Tokens(g.Id);
        tokens.UnionWith(Tokens(g.Name));
        return tokens;
    }

    private static readonly string[] Noise = ["rtx"];

    private static List<string> Suggest(string text, IReadOnlyList<GpuEntry> gpus)
    {
        var q = Compact(text);
        return gpus
            // Against the id, the name, and the name without "rtx", so "4009" still finds "RTX 4090".
            .Select(g => (g.Name, Distance: new[] { Compact(g.Name), Compact(g.Id), Compact(g.Name, Noise) }.Min(form => Levenshtein(q, form))))
            .Where(x => x.Distance <= Math.Max(2, q.Length / 3))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name)
            .ToList();
    }

    private static string Compact(string s, params string[] without) =>
        string.Concat(Tokens(s).Except(without).OrderBy(t => t, StringComparer.Ordinal));

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex WordPattern();
}
