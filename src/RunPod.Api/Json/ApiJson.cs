using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace RunPod.Api.Json;

/// <summary>Turns response documents into typed objects that keep their raw JSON.</summary>
internal static class ApiJson
{
    public static T Read<T>(JsonElement element, JsonTypeInfo<T> info) where T : ApiObject
    {
        var value = element.Deserialize(info) ?? throw new JsonException($"empty {typeof(T).Name}");
        value.Raw = element;
        return value;
    }

    public static T ReadDocument<T>(JsonDocument? doc, JsonTypeInfo<T> info) where T : ApiObject =>
        Read(doc?.RootElement ?? throw new JsonException($"expected a {typeof(T).Name} body, got none"), info);

    /// <summary>Reads a v2 list envelope such as <c>{"pods":[...]}</c>.</summary>
    public static List<T> ReadList<T>(JsonDocument? doc, string envelope, JsonTypeInfo<T> info) where T : ApiObject
    {
        var items = Envelope(doc, envelope);
        var list = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
            list.Add(Read(item, info));
        return list;
    }

    /// <summary>The items of a list envelope as elements of the response document, untouched.</summary>
    public static List<JsonElement> ReadListElements(JsonDocument? doc, string envelope)
    {
        var items = Envelope(doc, envelope);
        var list = new List<JsonElement>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
            list.Add(item);
        return list;
    }

    private static JsonElement Envelope(JsonDocument? doc, string envelope)
    {
        var root = doc?.RootElement ?? throw new JsonException("expected a list body, got none");
        if (!root.TryGetProperty(envelope, out var items) || items.ValueKind != JsonValueKind.Array)
            throw new JsonException($"expected an object with a \"{envelope}\" array");
        return items;
    }

    public static JsonNode ToNode<T>(T value, JsonTypeInfo<T> info) =>
        JsonSerializer.SerializeToNode(value, info) ?? new JsonObject();
}
