using System.Text.Json.Nodes;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Registries;

/// <summary>
/// Container registry credentials: REST v2 <c>/v2/registries</c>, and GraphQL
/// <c>updateRegistryAuth</c> (v2 has no update). The password is only ever in a request body:
/// bodies are never traced, and any error text that would echo it is scrubbed here.
/// </summary>
public sealed class RegistriesClient(ApiTransport transport, GraphQlClient graphQl)
{
    public const string Redacted = "[REDACTED]";

    public async Task<List<Registry>> ListAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/registries"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "registries", ApiJsonContext.Default.Registry);
    }

    public async Task<Registry> GetAsync(string id, CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, RegistryPath(id)), ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Registry);
    }

    public async Task<Registry> CreateAsync(string name, string username, string password, CancellationToken ct)
    {
        var request = new ApiRequest(ApiSurface.Rest, HttpMethod.Post, "/v2/registries",
            new JsonObject { ["name"] = name, ["username"] = username, ["password"] = password }, CreatesResource: true);
        var doc = await Scrubbed(password, () => transport.SendAsync(request, ct)).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Registry);
    }

    /// <summary>New username and password for an existing credential (GraphQL; keeps its id and name).</summary>
    public async Task<Registry> UpdateAsync(string id, string username, string password, CancellationToken ct)
    {
        var request = GraphQlClient.BuildRequest(
            "mutation UpdateRegistryAuth($input: UpdateRegistryAuthInput!) { updateRegistryAuth(input: $input) { id name } }",
            new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["username"] = username, ["password"] = password } });
        var data = await Scrubbed(password, () => graphQl.ExecuteAsync(request, "updateRegistryAuth", ct)).ConfigureAwait(false);
        return ApiJson.Read(data, ApiJsonContext.Default.Registry);
    }

    public async Task DeleteAsync(string id, CancellationToken ct) =>
        await transport.SendAsync(new ApiRequest(ApiSurface.Rest, HttpMethod.Delete, RegistryPath(id)), ct).ConfigureAwait(false);

    /// <summary>Runs the call; an error whose text contains the password is re-thrown with it replaced.</summary>
    private static async Task<T> Scrubbed<T>(string password, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RunPodApiException e) when (Leaks(e.Message, password) || e.Errors.Any(x => Leaks(x, password)))
        {
            throw new RunPodApiException(e.Status, Scrub(e.Title, password), Scrub(e.Detail, password),
                [.. e.Errors.Select(x => Scrub(x, password))], e.Surface, e.RetryAfter) { RequestPath = e.RequestPath };
        }
        catch (GraphQlException e) when (Leaks(e.Message, password))
        {
            throw new GraphQlException(Scrub(e.Message, password), e.Code, e.Path);
        }
    }

    private static bool Leaks(string text, string password) => password.Length > 0 && text.Contains(password, StringComparison.Ordinal);

    private static string Scrub(string text, string password) => password.Length > 0 ? text.Replace(password, Redacted, StringComparison.Ordinal) : text;

    private static string RegistryPath(string id) => "/v2/registries/" + PathSegment.Of(id, "registry id");
}
