using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RunPod.Emulator.Tests;

/// <summary>One HTTP exchange with the emulator, body kept as text (for contract checks) and JSON.</summary>
internal sealed record ApiCall(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, string? ContentType, string Allow)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public static async Task<ApiCall> Send(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiCall(response.StatusCode, body, response.Headers, response.Content.Headers.ContentType?.MediaType, string.Join(", ", response.Content.Headers.Allow));
    }

    public static Task<ApiCall> Get(HttpClient client, string path) => Send(client, HttpMethod.Get, path);
    public static Task<ApiCall> Post(HttpClient client, string path, string json) => Send(client, HttpMethod.Post, path, json);
    public static Task<ApiCall> Patch(HttpClient client, string path, string json) => Send(client, HttpMethod.Patch, path, json);
    public static Task<ApiCall> Delete(HttpClient client, string path) => Send(client, HttpMethod.Delete, path);
}
