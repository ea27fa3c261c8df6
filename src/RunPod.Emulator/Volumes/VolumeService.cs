using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Volumes;

/// <summary>
/// Network volumes: 10-char ids, size 10–4096 GB that may only grow, data center and type fixed at
/// create. Also the pods area's <see cref="INetworkVolumeSource"/> (a pod runs in its volume's DC).
/// </summary>
internal sealed class VolumeService : INetworkVolumeSource
{
    private readonly JsonDocuments _docs = new("networkVolume");

    public JsonObject Create(StateTransaction tx, string account, JsonObject body)
    {
        var dcId = body.Str("dataCenter")!;
        var dc = CatalogSeed.DataCenter(dcId) ?? throw ApiException.BadRequest($"unknown data center '{dcId}'");
        if (dc.NetworkVolumeTypes.Length == 0)
        {
            throw ApiException.BadRequest($"data center {dcId} does not offer network volumes");
        }
        // The data center's primary tier is the first it lists.
        var type = body.Str("type") ?? dc.NetworkVolumeTypes[0];
        if (!dc.NetworkVolumeTypes.Contains(type))
        {
            throw ApiException.BadRequest($"data center {dcId} does not offer {type} network volumes (it offers {string.Join(", ", dc.NetworkVolumeTypes)})");
        }
        var volume = new JsonObject
        {
            ["id"] = _docs.NewId(tx, IdGenerator.ShortId),
            ["name"] = body.Str("name"),
            ["size"] = body.Int("size"),
            ["dataCenter"] = dcId,
            ["type"] = type,
        };
        _docs.Save(tx, account, volume);
        return volume;
    }

    public List<JsonObject> List(StateTransaction tx, string account) => _docs.List(tx, account);

    public JsonObject Get(StateTransaction tx, string account, string id) => _docs.Find(tx, account, id) ?? throw ApiException.NotFound();

    public JsonObject Update(StateTransaction tx, string account, string id, JsonObject body)
    {
        var volume = Get(tx, account, id);
        if (body.Int("size") is { } size)
        {
            var current = volume.Int("size")!.Value;
            if (size < current)
            {
                throw ApiException.BadRequest($"network volume size cannot be decreased (current {current} GB, requested {size} GB)");
            }
            volume["size"] = size;
        }
        if (body.Str("name") is { } name)
        {
            volume["name"] = name;
        }
        _docs.Save(tx, account, volume);
        return volume;
    }

    public void Delete(StateTransaction tx, string account, string id)
    {
        if (!_docs.Delete(tx, account, id))
        {
            throw ApiException.NotFound();
        }
    }

    public string? DataCenterOf(StateTransaction tx, string account, string volumeId) => _docs.Find(tx, account, volumeId)?.Str("dataCenter");
}
