using System.Text.Json.Nodes;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// One stored endpoint: the v2 object as returned (minus `requestUrls`, which depend on the
/// origin the caller used), the template bound at create (deleted with the endpoint) and the
/// configuration version workers are compared against.
/// </summary>
internal sealed class EndpointDocument(JsonObject endpoint, string? boundTemplateId, int version)
{
    public JsonObject Endpoint { get; } = endpoint;
    public string? BoundTemplateId { get; } = boundTemplateId;
    public int Version { get; set; } = version;

    public string Id => Endpoint.Str("id")!;
    public string Type => Endpoint.Str("type") ?? "QUEUE";
    public JsonObject Workers => (JsonObject)Endpoint["workers"]!;
    public int WorkersMin => Workers.Int("min") ?? 0;
    public int WorkersMax => Workers.Int("max") ?? 3;

    /// <summary>QUEUE + REQUEST_COUNT has no idleTimeout; its workers still scale down, after RunPod's 5 s console default.</summary>
    public double IdleTimeoutSeconds => Workers.Int("idleTimeout") ?? 5;

    public long TimeoutMs => (long)(Endpoint.Double("timeout") ?? 300_000);
    public int GpuCount => (Endpoint["gpu"] as JsonObject)?.Int("count") ?? 0;
    public string? Image => Endpoint.Str("image");

    public JsonObject ToStored() => new()
    {
        ["endpoint"] = Endpoint.DeepClone(),
        ["boundTemplateId"] = BoundTemplateId,
        ["version"] = Version,
    };

    public static EndpointDocument FromStored(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        return new EndpointDocument((JsonObject)root["endpoint"]!.DeepClone(), root.Str("boundTemplateId"), root.Int("version") ?? 1);
    }
}

internal sealed class EndpointStore
{
    public const string Kind = "endpoint";

    public EndpointDocument? Find(StateTransaction tx, string account, string id) =>
        tx.GetDocument(Kind, account, id) is { } json ? EndpointDocument.FromStored(json) : null;

    public EndpointDocument Get(StateTransaction tx, string account, string id) => Find(tx, account, id) ?? throw ApiException.NotFound();

    public List<EndpointDocument> List(StateTransaction tx, string account) =>
        [.. tx.ListDocuments(Kind, account).Select(EndpointDocument.FromStored)];

    public void Save(StateTransaction tx, string account, EndpointDocument doc) =>
        tx.PutDocument(Kind, account, doc.Id, doc.ToStored().ToJsonString());

    public bool Delete(StateTransaction tx, string account, string id) => tx.DeleteDocument(Kind, account, id);
}
