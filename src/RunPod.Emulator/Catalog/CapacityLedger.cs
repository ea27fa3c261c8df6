using System.Globalization;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Catalog;

/// <summary>Something holding catalog resources (a running pod; later serverless workers).</summary>
internal sealed record CapacityUse(string ResourceId, string DataCenterId, string Cloud, int Units);

internal interface ICapacityConsumer
{
    IEnumerable<CapacityUse> Uses(StateTransaction tx);
}

/// <summary>
/// Free capacity = total stock − what consumers hold. Totals default to <see cref="DefaultStock"/>
/// and can be overridden per (resource, DC, cloud) or globally through /_emulator/capacity.
/// </summary>
internal sealed class CapacityLedger(IEnumerable<ICapacityConsumer> consumers)
{
    private const string Prefix = "capacity:";
    private const string GlobalKey = Prefix + "*";

    public int Free(StateTransaction tx, string resourceId, string dataCenterId, string cloud) =>
        Math.Max(0, Total(tx, resourceId, dataCenterId, cloud) - Used(tx, resourceId, dataCenterId, cloud));

    public int Total(StateTransaction tx, string resourceId, string dataCenterId, string cloud)
    {
        if (tx.GetSetting(Key(resourceId, dataCenterId, cloud)) is { } exact)
        {
            return int.Parse(exact, CultureInfo.InvariantCulture);
        }
        if (tx.GetSetting(GlobalKey) is { } global)
        {
            return int.Parse(global, CultureInfo.InvariantCulture);
        }
        var dc = CatalogSeed.DataCenter(dataCenterId);
        if (dc is null)
        {
            return 0;
        }
        if (CatalogSeed.Gpu(resourceId) is { } gpu)
        {
            return DefaultStock.Gpus(gpu, dc, cloud);
        }
        return CatalogSeed.Cpu(resourceId) is { } cpu ? DefaultStock.Vcpus(cpu, dc, cloud) : 0;
    }

    public int Used(StateTransaction tx, string resourceId, string dataCenterId, string cloud) =>
        UsedByPlace(tx).GetValueOrDefault((resourceId, dataCenterId, cloud));

    // Every consumer is read once per transaction, not once per (resource, DC, cloud) asked about.
    private Dictionary<(string, string, string), int> UsedByPlace(StateTransaction tx) =>
        tx.Derived("capacity.used", () => consumers.SelectMany(c => c.Uses(tx))
            .GroupBy(u => (u.ResourceId, u.DataCenterId, u.Cloud))
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Units)));

    /// <summary>Sets how many units are free right now (the total becomes free + currently used).</summary>
    public void SetFree(StateTransaction tx, string resourceId, string dataCenterId, string cloud, int free) =>
        tx.PutSetting(Key(resourceId, dataCenterId, cloud), (free + Used(tx, resourceId, dataCenterId, cloud)).ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the total of every resource everywhere (0 = nothing can be placed), dropping per-key overrides.</summary>
    public void SetEverything(StateTransaction tx, int total)
    {
        ClearOverrides(tx);
        tx.PutSetting(GlobalKey, total.ToString(CultureInfo.InvariantCulture));
    }

    public void ClearOverrides(StateTransaction tx)
    {
        foreach (var (key, _) in tx.ListSettings(Prefix))
        {
            tx.DeleteSetting(key);
        }
    }

    public List<(string Key, int Total)> Overrides(StateTransaction tx) =>
        [.. tx.ListSettings(Prefix).Select(s => (s.Key[Prefix.Length..], int.Parse(s.Value, CultureInfo.InvariantCulture)))];

    private static string Key(string resourceId, string dataCenterId, string cloud) => $"{Prefix}{resourceId}|{dataCenterId}|{cloud}";
}
