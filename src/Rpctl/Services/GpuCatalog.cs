using System.Text.Json;
using RunPod.Api.GraphQl;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// The GPU types used to resolve names, fetched at most once per process and only when a name
/// must be resolved. Without an API key (e.g. <c>--dry-run</c>), it asks GraphQL's anonymous
/// <c>gpuTypes</c> query instead of the v2 catalog, which needs a key.
/// </summary>
internal sealed class GpuCatalog(Invocation invocation)
{
    private IReadOnlyList<GpuEntry>? _entries;

    public async Task<IReadOnlyList<GpuEntry>> EntriesAsync(CancellationToken ct)
    {
        if (_entries is not null)
            return _entries;

        var haveKey = invocation.Settings.Local || invocation.Settings.ApiKey is not null;
        var client = await invocation.ClientAsync(requireKey: false, ct);
        if (haveKey)
        {
            var gpus = await client.Catalog.ListGpusAsync((string?)null, ct);
            _entries = gpus.Select(g => new GpuEntry(g.Id, g.Name, g.Pool, g.Memory)).ToList();
        }
        else
        {
            var request = GraphQlClient.BuildRequest("query GpuTypes { gpuTypes { id displayName memoryInGb } }", null);
            var data = await client.GraphQl.ExecuteAsync(request, "gpuTypes", ct);
            _entries = data.EnumerateArray()
                .Select(g => new GpuEntry(
                    g.GetProperty("id").GetString() ?? "",
                    g.TryGetProperty("displayName", out var n) ? n.GetString() ?? "" : "",
                    null,
                    g.TryGetProperty("memoryInGb", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0))
                .ToList();
        }

        return _entries;
    }

    /// <summary>Reuses a GPU list a command already fetched (with availability), so resolving a name costs no request.</summary>
    public void Remember(IEnumerable<RunPod.Api.Catalog.GpuType> gpus) =>
        _entries ??= gpus.Select(g => new GpuEntry(g.Id, g.Name, g.Pool, g.Memory)).ToList();

    public async Task<GpuEntry> ResolveAsync(string flag, string input, CancellationToken ct) =>
        GpuResolver.Resolve(flag, input, await EntriesAsync(ct));
}
