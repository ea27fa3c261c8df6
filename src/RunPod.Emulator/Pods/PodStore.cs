using System.Globalization;
using System.Text.Json;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Pods;

/// <summary>Pods as documents of kind "pod"; also reports the GPUs/vCPUs live pods hold.</summary>
internal sealed class PodStore : ICapacityConsumer
{
    public const string Kind = "pod";

    // Units held per (resource, DC, cloud), kept in settings and changed in the same transaction
    // as the pod, so placing a pod costs the same with 10 or 10,000 pods stored (no scan of every
    // pod per create). The marker says the totals exist; without it (a state file from before, or
    // after a reset) they are rebuilt once from the pods.
    private const string UsagePrefix = "usage:pod:";
    private const string UsageReady = "usage:pod";

    public PodRecord? Find(StateTransaction tx, string account, string id) =>
        tx.GetDocument(Kind, account, id) is { } json ? Deserialize(json) : null;

    public List<PodRecord> List(StateTransaction tx, string account) => [.. tx.ListDocuments(Kind, account).Select(Deserialize)];

    public void Save(StateTransaction tx, string account, PodRecord pod)
    {
        EnsureUsage(tx);
        var before = Find(tx, account, pod.Id);
        tx.PutDocument(Kind, account, pod.Id, JsonSerializer.Serialize(pod, EmulatorJsonContext.Default.PodRecord));
        Adjust(tx, before, -1);
        Adjust(tx, pod, +1);
    }

    public bool Delete(StateTransaction tx, string account, string id)
    {
        EnsureUsage(tx);
        var before = Find(tx, account, id);
        var deleted = tx.DeleteDocument(Kind, account, id);
        Adjust(tx, before, -1);
        return deleted;
    }

    /// <summary>A stopped pod releases its GPUs (so `start` can fail for capacity, as on RunPod).</summary>
    public IEnumerable<CapacityUse> Uses(StateTransaction tx)
    {
        EnsureUsage(tx);
        return tx.ListSettings(UsagePrefix)
            .Select(s => (Place: s.Key[UsagePrefix.Length..].Split('|'), Units: int.Parse(s.Value, CultureInfo.InvariantCulture)))
            .Where(u => u.Units > 0)
            .Select(u => new CapacityUse(u.Place[0], u.Place[1], u.Place[2], u.Units));
    }

    private static void Adjust(StateTransaction tx, PodRecord? pod, int sign)
    {
        if (pod is null || pod.DesiredStatus != PodStatuses.Running)
        {
            return;
        }
        var key = $"{UsagePrefix}{pod.ResourceId}|{pod.DataCenterId}|{pod.Cloud}";
        var held = tx.GetSetting(key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        tx.PutSetting(key, (held + sign * pod.Units).ToString(CultureInfo.InvariantCulture));
    }

    private static void EnsureUsage(StateTransaction tx)
    {
        if (tx.GetSetting(UsageReady) is not null)
        {
            return;
        }
        foreach (var (key, _) in tx.ListSettings(UsagePrefix))
        {
            tx.DeleteSetting(key);
        }
        foreach (var (_, json) in tx.ListAllDocuments(Kind))
        {
            Adjust(tx, Deserialize(json), +1);
        }
        tx.PutSetting(UsageReady, "1");
    }

    private static PodRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.PodRecord) ?? throw new InvalidDataException("corrupt pod document");
}
