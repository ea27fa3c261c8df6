using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunPod.Api;

/// <summary>
/// A resource as RunPod returned it: typed properties for logic, plus the untouched JSON so that
/// output shows exactly the v2 object (including fields this library does not model).
/// </summary>
public abstract class ApiObject
{
    [JsonIgnore]
    public JsonElement Raw { get; internal set; }
}
