using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.Serverless;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/serverless` (the serverless control plane).</summary>
internal sealed class EndpointRoutes(StateStore store, EndpointStore endpoints, EndpointService service)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/v2/serverless").Get(List).Post(Create);
        routes.Path("/v2/serverless/{id}").Get(Get).Patch(Update).Delete(Delete);
        routes.Path("/v2/serverless/{id}/workers").Get(Workers);
    }

    private Task List(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var origin = Origin(context);
        var body = store.Read(tx => new JsonObject
        {
            ["endpoints"] = new JsonArray([.. endpoints.List(tx, account).Select(e => (JsonNode)EndpointService.Render(e, origin))]),
        });
        return JsonResponse.Write(context, 200, body);
    }

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = store.Read(tx => EndpointService.Render(endpoints.Get(tx, account, RouteId(context)), Origin(context)));
        return JsonResponse.Write(context, 200, body);
    }

    private async Task Create(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        var errors = JsonRule.Validate(EndpointSchemas.Create, body);
        if (!body.ContainsKey("templateId") && !body.ContainsKey("image"))
        {
            errors.Insert(0, "$: missing properties: 'image'");
        }
        EndpointRules.AddShapeErrors(body, errors);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        var created = store.Write(tx => EndpointService.Render(service.Create(tx, account, body), Origin(context)));
        await JsonResponse.Write(context, 201, created);
    }

    private async Task Update(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteId(context);
        var body = await JsonResponse.ReadObject(context);
        var errors = JsonRule.Validate(EndpointSchemas.Update, body);
        EndpointRules.AddShapeErrors(body, errors);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        var updated = store.Write(tx => EndpointService.Render(service.Update(tx, account, id, body), Origin(context)));
        await JsonResponse.Write(context, 200, updated);
    }

    private Task Delete(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        store.Write(tx => service.Delete(tx, account, RouteId(context)));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private Task Workers(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = store.Write(tx =>
        {
            var world = service.World(tx, account, RouteId(context));
            world.Save();
            return EndpointService.RenderWorkers(world);
        });
        return JsonResponse.Write(context, 200, body);
    }

    private static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    /// <summary>The emulator's own origin as the caller reached it, so request URLs work from that caller.</summary>
    public static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
