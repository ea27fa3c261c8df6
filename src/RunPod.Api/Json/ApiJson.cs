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
        var root = doc?.RootElement ?? throw new JsonException("expected a list body, got none");
        if (!root.TryGetProperty(envelope, out var items) || items.ValueKind != JsonValueKind.Array)
            throw new JsonException($"expected an object with a \"{envelope}\" array");
        var list = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
            list.Add(Read(item, info));
        return list;
    }

    public static JsonNode ToNode<T>(T value, JsonTypeInfo<T> info) =>
        JsonSerializer.SerializeToNode(value, info) ?? new JsonObject();
}
