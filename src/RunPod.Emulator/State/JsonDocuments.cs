using System.Text.Json.Nodes;

namespace RunPod.Emulator.State;

/// <summary>
/// Resources stored as their API JSON (plus private fields whose names start with "_", which
/// <see cref="Public"/> strips), for areas whose stored form is the response shape.
/// </summary>
internal sealed class JsonDocuments(string kind)
{
    public string Kind { get; } = kind;

    public JsonObject? Find(StateTransaction tx, string account, string id) =>
        tx.GetDocument(Kind, account, id) is { } json ? JsonNode.Parse(json)!.AsObject() : null;

    public List<JsonObject> List(StateTransaction tx, string account) =>
        [.. tx.ListDocuments(Kind, account).Select(json => JsonNode.Parse(json)!.AsObject())];

    /// <summary>Every account's documents (public templates are readable by all).</summary>
    public List<(string Account, JsonObject Document)> ListAll(StateTransaction tx) =>
        [.. tx.ListAllDocuments(Kind).Select(row => (row.Account, JsonNode.Parse(row.Json)!.AsObject()))];

    public void Save(StateTransaction tx, string account, JsonObject document) =>
        tx.PutDocument(Kind, account, document["id"]!.GetValue<string>(), document.ToJsonString());

    public bool Delete(StateTransaction tx, string account, string id) => tx.DeleteDocument(Kind, account, id);

    /// <summary>A new id unique across accounts for this kind.</summary>
    public string NewId(StateTransaction tx, Func<string> generate)
    {
        string id;
        do
        {
            id = generate();
        }
        while (tx.DocumentIdExists(Kind, id));
        return id;
    }

    /// <summary>The document without its private ("_"-prefixed) fields: what the API returns.</summary>
    public static JsonObject Public(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList())
        {
            copy.Remove(key);
        }
        return copy;
    }
}
