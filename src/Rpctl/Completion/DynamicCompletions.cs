using System.CommandLine;
using System.CommandLine.Completions;
using Rpctl.Cli;
using Rpctl.Config;
using Rpctl.Presets;

namespace Rpctl.Completion;

/// <summary>
/// Dynamic completion values (profile and preset names from disk; GPU names, pod and endpoint ids
/// from the API). A completion must never fail or hang the shell: every lookup is bounded by a
/// short timeout and any failure simply means no suggestions.
/// </summary>
internal static class DynamicCompletions
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(3);

    public static IEnumerable<CompletionItem> Profiles(Invocation inv) =>
        Safe(() => new ConfigStore(inv.Context).Load().ProfileNames.Select(n => new CompletionItem(n)).ToList());

    public static IEnumerable<CompletionItem> Presets(Invocation inv) =>
        Safe(() => new PresetStore(inv.Context).Names().Select(n => new CompletionItem(n)).ToList());

    /// <summary>GPU display names (what people type) and ids; works without a key through the anonymous catalog.</summary>
    public static IEnumerable<CompletionItem> Gpus(Invocation inv, CompletionContext context) =>
        FromApi(inv, context, requireKey: false, async ct =>
        {
            var entries = await inv.GpuCatalog.EntriesAsync(ct);
            return entries.SelectMany(g => new[] { g.Name, g.Id }).Where(n => n.Length > 0).Distinct()
                .Select(n => new CompletionItem(n, detail: "GPU type"));
        });

    /// <summary>Data center ids from the catalog (anonymous, like GPU names).</summary>
    public static IEnumerable<CompletionItem> DataCenters(Invocation inv, CompletionContext context) =>
        FromApi(inv, context, requireKey: false, async ct =>
        {
            var client = await inv.ClientAsync(requireKey: false, ct);
            var dataCenters = await client.Catalog.ListDataCentersAsync(new RunPod.Api.Catalog.DataCenterQuery(), ct);
            return dataCenters.Select(d => new CompletionItem(d.Id, detail: "data center"));
        });

    public static IEnumerable<CompletionItem> PodIds(Invocation inv, CompletionContext context) =>
        FromApi(inv, context, requireKey: true, async ct =>
        {
            var client = await inv.ClientAsync(ct);
            var pods = await client.Pods.ListAsync(ct);
            return pods.Select(p => new CompletionItem(p.Id, detail: $"{p.Name} {p.Status}"));
        });

    /// <summary>Endpoint ids from GET /v2/serverless (no typed client is needed for ids).</summary>
    public static IEnumerable<CompletionItem> EndpointIds(Invocation inv, CompletionContext context) =>
        FromApi(inv, context, requireKey: true, async ct =>
        {
            var client = await inv.ClientAsync(ct);
            var doc = await client.Transport.SendAsync(new RunPod.Api.Http.ApiRequest(RunPod.Api.ApiSurface.Rest, HttpMethod.Get, "/v2/serverless", null), ct);
            if (doc is null)
                return [];
            var root = doc.RootElement;
            var list = root.ValueKind == System.Text.Json.JsonValueKind.Array ? root
                : root.TryGetProperty("endpoints", out var e) ? e : default;
            return list.ValueKind == System.Text.Json.JsonValueKind.Array
                ? list.EnumerateArray().Select(x => new CompletionItem(x.GetProperty("id").GetString() ?? "")).ToList()
                : [];
        });

    private static IEnumerable<CompletionItem> FromApi(Invocation inv, CompletionContext context, bool requireKey,
        Func<CancellationToken, Task<IEnumerable<CompletionItem>>> fetch) => Safe(() =>
    {
        // Honour flags typed earlier on the line being completed (--profile, --api-url, --local).
        inv.Parse = context.ParseResult;
        inv.ResetSettings();
        if (requireKey && inv.Settings.ApiKey is null)
            return [];
        using var cts = new CancellationTokenSource(ApiTimeout);
        return fetch(cts.Token).GetAwaiter().GetResult().ToList();
    });

    private static IEnumerable<CompletionItem> Safe(Func<List<CompletionItem>> produce)
    {
        try
        {
            return produce();
        }
        catch (Exception)
        {
            return [];
        }
    }
}
