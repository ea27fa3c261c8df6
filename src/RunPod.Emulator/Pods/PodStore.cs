using System.Text.Json;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Pods;

/// <summary>Pods as documents of kind "pod"; also reports the GPUs/vCPUs live pods hold.</summary>
internal sealed class PodStore : ICapacityConsumer
{
    public const string Kind = "pod";

    public PodRecord? Find(StateTransaction tx, string account, string id) =>
        tx.GetDocument(Kind, account, id) is { } json ? Deserialize(json) : null;

    public List<PodRecord> List(StateTransaction tx, string account) => [.. tx.ListDocuments(Kind, account).Select(Deserialize)];

    public void Save(StateTransaction tx, string account, PodRecord pod) =>
        tx.PutDocument(Kind, account, pod.Id, JsonSerializer.Serialize(pod, EmulatorJsonContext.Default.PodRecord));

    public bool Delete(StateTransaction tx, string account, string id) => tx.DeleteDocument(Kind, account, id);

    /// <summary>A stopped pod releases its GPUs (so `start` can fail for capacity, as on RunPod).</summary>
    public IEnumerable<CapacityUse> Uses(StateTransaction tx) =>
        tx.ListAllDocuments(Kind)
            .Select(row => Deserialize(row.Json))
            .Where(p => p.DesiredStatus == PodStatuses.Running)
            .Select(p => new CapacityUse(p.ResourceId, p.DataCenterId, p.Cloud, p.Units));

    private static PodRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.PodRecord) ?? throw new InvalidDataException("corrupt pod document");
}
