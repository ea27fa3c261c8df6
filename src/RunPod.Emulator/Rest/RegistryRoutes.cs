using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.Registries;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/registries` and ECR `/v2/registries/delegations` (a literal segment that wins over `{id}`).</summary>
internal sealed class RegistryRoutes(StateStore store, RegistryService registries, DelegationService delegations)
{
    public void Register(RouteTable routes)
    {
        // Literal before {id}: ASP.NET routing prefers literals anyway; the order documents the intent.
        routes.Path("/v2/registries/delegations").Get(ListDelegations).Post(CreateDelegation);
        routes.Path("/v2/registries/delegations/{id}").Delete(RevokeDelegation);
        routes.Path("/v2/registries").Get(List).Post(Create);
        routes.Path("/v2/registries/{id}").Get(Get).Delete(Delete);
    }

    private Task List(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var list = store.Read(tx => registries.List(tx, account));
        return JsonResponse.Write(context, 200, new JsonObject { ["registries"] = new JsonArray([.. list]) });
    }

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        return JsonResponse.Write(context, 200, store.Read(tx => registries.Get(tx, account, id)));
    }

    private async Task Create(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(RegistryService.CreateSchema, body);
        var created = store.Write(tx => registries.Create(tx, account, body.Str("name")!, body.Str("username")!, body.Str("password")!));
        await JsonResponse.Write(context, 201, created);
    }

    private Task Delete(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        store.Write(tx => registries.Delete(tx, account, id));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private Task ListDelegations(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var list = store.Read(tx => delegations.List(tx, account));
        return JsonResponse.Write(context, 200, new JsonObject { ["delegations"] = new JsonArray([.. list]) });
    }

    private async Task CreateDelegation(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(DelegationService.CreateSchema, body);
        await JsonResponse.Write(context, 201, store.Write(tx => delegations.Create(tx, account, body.Str("resource")!, body.Str("name"))));
    }

    private Task RevokeDelegation(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        store.Write(tx => delegations.Revoke(tx, account, id));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }
}
