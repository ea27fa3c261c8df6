using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api.Http;

namespace RunPod.Api.GraphQl;

/// <summary>
/// RunPod's legacy GraphQL API, used only for what REST v2 cannot express. User input always
/// travels in <c>variables</c>, never inside the query text.
/// </summary>
public sealed class GraphQlClient(ApiTransport transport)
{
    public static ApiRequest BuildRequest(string query, JsonObject? variables, bool createsResource = false) =>
        new(ApiSurface.GraphQl, HttpMethod.Post, "/graphql",
            new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() },
            createsResource);

    /// <summary>Runs the operation and returns <c>data.&lt;rootField&gt;</c>; GraphQL errors throw <see cref="GraphQlException"/>.</summary>
    public async Task<JsonElement> ExecuteAsync(ApiRequest request, string rootField, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false)
                  ?? throw new GraphQlException("GraphQL returned an empty body", null, []);
        var root = doc.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? "GraphQL error" : "GraphQL error";
            string? code = first.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : null;
            var path = first.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(x => x.ToString()).ToList()
                : [];
            throw new GraphQlException(message, code, path);
        }

        if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty(rootField, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new GraphQlException($"GraphQL returned no data for {rootField}", null, [rootField]);
        return value;
    }
}
