using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;
using RunPod.Emulator.Templates;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/templates` (own) and `/v2/catalog/templates` (public catalog).</summary>
internal sealed class TemplateRoutes(StateStore store, TemplateService templates)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/v2/templates").Get(List).Post(Create);
        routes.Path("/v2/templates/{id}").Get(Get).Patch(Update).Delete(Delete);
        routes.Path("/v2/catalog/templates").Get(Catalog);
    }

    private Task List(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var list = store.Read(tx => templates.ListOwn(tx, account));
        return JsonResponse.Write(context, 200, Envelope(list));
    }

    private Task Catalog(HttpContext context)
    {
        var source = context.Request.Query["source"].ToString();
        if (source.Length == 0)
        {
            source = PublicTemplates.Official;
        }
        if (!PublicTemplates.Sources.Contains(source))
        {
            throw ApiException.Validation([$"query.source: value must be one of {string.Join(", ", PublicTemplates.Sources.Select(s => $"\"{s}\""))}"]);
        }
        var list = store.Read(tx => templates.ListCatalog(tx, source));
        return JsonResponse.Write(context, 200, Envelope(list));
    }

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        return JsonResponse.Write(context, 200, store.Read(tx => templates.Get(tx, account, id)));
    }

    private async Task Create(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(TemplateSchemas.Create, body);
        await JsonResponse.Write(context, 201, store.Write(tx => templates.Create(tx, account, body)));
    }

    private async Task Update(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(TemplateSchemas.Update, body);
        await JsonResponse.Write(context, 200, store.Write(tx => templates.Update(tx, account, id, body)));
    }

    private Task Delete(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        store.Write(tx => templates.Delete(tx, account, id));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private static JsonObject Envelope(List<JsonObject> list) => new() { ["templates"] = new JsonArray([.. list]) };
}
