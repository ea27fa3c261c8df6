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
    /// <remarks>
    /// Reads only the fields that matter (SQLite extracts them) instead of deserializing every pod:
    /// this runs on each create. Mirrors <see cref="PodRecord.ResourceId"/> and <see cref="PodRecord.Units"/>.
    /// </remarks>
    public IEnumerable<CapacityUse> Uses(StateTransaction tx) =>
        tx.ListDocumentFields(Kind, "$.desiredStatus", "$.gpuId", "$.cpuId", "$.gpuCount", "$.vcpuCount", "$.dataCenterId", "$.cloud")
            .Where(f => (f[0] ?? PodStatuses.Running) == PodStatuses.Running)
            .Select(f => new CapacityUse(
                f[1] ?? f[2] ?? "",
                f[5] ?? "",
                f[6] ?? "SECURE",
                int.Parse((f[1] is not null ? f[3] : f[4]) ?? "0", System.Globalization.CultureInfo.InvariantCulture)));

    private static PodRecord Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.PodRecord) ?? throw new InvalidDataException("corrupt pod document");
}
