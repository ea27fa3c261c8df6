using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Templates;

/// <summary>REST v2 templates (<c>/v2/templates</c>, <c>/v2/catalog/templates</c>); the readme via GraphQL (v2 has none).</summary>
public sealed class TemplatesClient(ApiTransport transport)
{
    /// <summary>Your own templates.</summary>
    public async Task<List<Template>> ListAsync(CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/templates"), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "templates", ApiJsonContext.Default.Template);
    }

    /// <summary>One slice of the public catalog (at most 100 templates, no paging).</summary>
    public async Task<List<Template>> ListPublicAsync(string source, CancellationToken ct)
    {
        var doc = await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, "/v2/catalog/templates?source=" + Uri.EscapeDataString(source)), ct).ConfigureAwait(false);
        return ApiJson.ReadList(doc, "templates", ApiJsonContext.Default.Template);
    }

    /// <summary>A template you own or a public one.</summary>
    public async Task<Template> GetAsync(string id, CancellationToken ct) => await SendAsync(ApiRequest.Get(ApiSurface.Rest, TemplatePath(id)), ct).ConfigureAwait(false);

    /// <summary>POST with a <c>CreateTemplateRequest</c> body (name and image required).</summary>
    public static ApiRequest BuildCreate(JsonObject body) => new(ApiSurface.Rest, HttpMethod.Post, "/v2/templates", body, CreatesResource: true);

    public async Task<Template> CreateAsync(ApiRequest request, CancellationToken ct) => await SendAsync(request, ct).ConfigureAwait(false);

    /// <summary>PATCH with only the given fields (an <c>env</c> sent replaces the whole map).</summary>
    public static ApiRequest BuildUpdate(string id, JsonObject changes) => new(ApiSurface.Rest, HttpMethod.Patch, TemplatePath(id), changes);

    public async Task<Template> UpdateAsync(ApiRequest request, CancellationToken ct) => await SendAsync(request, ct).ConfigureAwait(false);

    public static ApiRequest BuildDelete(string id) => new(ApiSurface.Rest, HttpMethod.Delete, TemplatePath(id));

    public async Task DeleteAsync(string id, CancellationToken ct) => await transport.SendAsync(BuildDelete(id), ct).ConfigureAwait(false);

    /// <summary>
    /// GraphQL <c>saveTemplate</c> with the template's id, the readme and every other field as it stands
    /// (see <see cref="SaveTemplateInput"/>): saveTemplate resets the fields it is not sent.
    /// </summary>
    public static ApiRequest BuildSetReadme(Template template, string readme) => BuildSetReadme(SaveTemplateInput.V2Object(template), readme);

    /// <summary>As above, from a v2 template object (or a v2 create body with an <c>id</c>).</summary>
    public static ApiRequest BuildSetReadme(JsonObject v2Template, string readme) =>
        GraphQl.GraphQlClient.BuildRequest("mutation SaveTemplate($input: SaveTemplateInput!) { saveTemplate(input: $input) { id readme } }",
            new JsonObject { ["input"] = SaveTemplateInput.FromV2(v2Template, readme) });

    private async Task<Template> SendAsync(ApiRequest request, CancellationToken ct)
    {
        var doc = await transport.SendAsync(request, ct).ConfigureAwait(false);
        return ApiJson.ReadDocument(doc, ApiJsonContext.Default.Template);
    }

    private static string TemplatePath(string id) => "/v2/templates/" + PathSegment.Of(id, "template id");
}
