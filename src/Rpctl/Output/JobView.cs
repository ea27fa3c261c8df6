using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>How a serverless job is shown as a table (job status, run --wait).</summary>
internal static class JobView
{
    public static TableSpec Spec() => new(
        [
            new Column("ID", j => JsonPath.Text(j, "id")),
            new Column("STATUS", j => JsonPath.Text(j, "status")),
        ],
        [
            new Column("ID", j => JsonPath.Text(j, "id")),
            new Column("Status", j => JsonPath.Text(j, "status")),
            new Column("Queued for", j => Millis(j, "delayTime")),
            new Column("Ran for", j => Millis(j, "executionTime")),
            new Column("Worker", j => JsonPath.Text(j, "workerId")),
            new Column("Error", j => JsonPath.Text(j, "error")),
            new Column("Output", j => j is JsonObject o && o.ContainsKey("output") ? OutputText(o["output"]) : ""),
        ]);

    /// <summary>A job's output for people: a string as is, anything else as compact JSON.</summary>
    public static string OutputText(JsonNode? output) =>
        output is JsonValue v && v.TryGetValue<string>(out var s) ? s : output?.ToJsonString(Compact) ?? "null";

    private static readonly System.Text.Json.JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    private static string Millis(JsonNode j, string key) =>
        JsonPath.At(j, key) is JsonValue v && v.TryGetValue<long>(out var ms) ? EndpointView.Millis(ms) : "";
}
