using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TestSupport;

/// <summary>Reads the emulator's request log: what rpctl actually sent.</summary>
public static class EmulatorRequests
{
    /// <summary>Requests made with <paramref name="apiKey"/> (matched by the log's key fingerprint), optionally by method and path prefix.</summary>
    public static async Task<List<JsonObject>> ListAsync(EmulatorFixture emulator, string apiKey, string? method = null, string? pathPrefix = null)
    {
        using var client = emulator.Client();
        var log = await client.GetFromJsonAsync<JsonObject>("/_emulator/requests") ?? throw new InvalidOperationException("no request log");
        var fingerprint = apiKey[^4..];
        return log["requests"]!.AsArray()
            .Select(r => r!.AsObject())
            .Where(r => (r["key"]?.GetValue<string>() ?? "").EndsWith(fingerprint, StringComparison.Ordinal))
            .Where(r => method is null || r["method"]!.GetValue<string>() == method)
            .Where(r => pathPrefix is null || r["path"]!.GetValue<string>().StartsWith(pathPrefix, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The bodies of the matching requests, in the order they were received.</summary>
    public static async Task<List<JsonObject>> BodiesAsync(EmulatorFixture emulator, string apiKey, string method, string path) =>
        (await ListAsync(emulator, apiKey, method, path)).Select(r => r["body"]!.AsObject()).ToList();

    /// <summary>The body of the one request matching method and path; fails when there is not exactly one.</summary>
    public static async Task<JsonObject> SingleBodyAsync(EmulatorFixture emulator, string apiKey, string method, string path)
    {
        var matches = await ListAsync(emulator, apiKey, method, path);
        if (matches.Count != 1)
            throw new InvalidOperationException($"expected one {method} {path}, found {matches.Count}");
        return matches[0]["body"]!.AsObject();
    }
}
