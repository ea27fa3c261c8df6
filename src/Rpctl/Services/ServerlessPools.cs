using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// Serverless endpoints select GPUs by pool (ADA_24, AMPERE_80, ...). <c>--gpu</c> takes a pool id
/// or any GPU type name the resolver understands, translated to that type's pool via the catalog.
/// </summary>
internal static partial class ServerlessPools
{
    public static async Task<string> ResolveAsync(Invocation inv, string flag, string input, CancellationToken ct)
    {
        var upper = input.Trim().ToUpperInvariant();
        var canAskCatalog = inv.Settings.Local || inv.Settings.ApiKey is not null;
        if (PoolPattern().IsMatch(upper))
        {
            if (!canAskCatalog)
                return upper;
            var known = await KnownPoolsAsync(inv, ct);
            if (!known.Contains(upper))
                throw CliException.BadValue(flag, input, "unknown GPU pool; valid pools: " + string.Join(", ", known));
            return upper;
        }

        var gpu = await inv.GpuCatalog.ResolveAsync(flag, input, ct);
        if (gpu.Pool is not null)
            return gpu.Pool;
        if (!canAskCatalog)
            throw CliException.Usage($"{flag} '{input}': translating a GPU type to its serverless pool needs an API key; give the pool id instead (e.g. ADA_24)");
        throw CliException.BadValue(flag, input,
            $"{gpu.Name} is not offered on serverless; choose a pool ({string.Join(", ", await KnownPoolsAsync(inv, ct))}) or another GPU type");
    }

    /// <summary>GPU type ids of the given pools (for checking --exclude-gpu before sending).</summary>
    public static async Task<HashSet<string>> TypesInAsync(Invocation inv, IReadOnlyCollection<string> pools, CancellationToken ct) =>
        [.. (await inv.GpuCatalog.EntriesAsync(ct)).Where(g => g.Pool is not null && pools.Contains(g.Pool)).Select(g => g.Id)];

    private static async Task<List<string>> KnownPoolsAsync(Invocation inv, CancellationToken ct) =>
        [.. (await inv.GpuCatalog.EntriesAsync(ct)).Select(g => g.Pool).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Pool ids look like ADA_24, AMPERE_80, ADA_32_PRO, BLACKWELL_180; no GPU type name does.</summary>
    [GeneratedRegex(@"^[A-Z]+_\d+(_PRO)?$")]
    private static partial Regex PoolPattern();
}
