using System.Text.Json.Nodes;

namespace RunPod.Api.Http;

/// <summary>
/// One request to one of RunPod's APIs, fully described before it is sent, so that
/// <c>--dry-run</c> can print exactly what would go over the wire.
/// </summary>
/// <param name="Surface">Which API the request goes to.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path relative to the surface's origin, e.g. <c>/v2/pods</c>; query included.</param>
/// <param name="Body">JSON body, or null.</param>
/// <param name="CreatesResource">
/// True when a repeat could create a duplicate (pod, endpoint, job...). Such a request is only
/// re-sent when it certainly did not reach the server.
/// </param>
public sealed record ApiRequest(ApiSurface Surface, HttpMethod Method, string Path, JsonNode? Body = null, bool CreatesResource = false)
{
    public static ApiRequest Get(ApiSurface surface, string path) => new(surface, HttpMethod.Get, path);

    /// <summary>Method and path only: a body can hold secrets (registry passwords, env values), so it is never part of the text.</summary>
    public override string ToString() => $"{Method} {Path}";
}
