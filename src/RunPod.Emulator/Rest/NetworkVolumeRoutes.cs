using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;
using RunPod.Emulator.Volumes;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/network-volumes`.</summary>
internal sealed class NetworkVolumeRoutes(StateStore store, VolumeService volumes)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/v2/network-volumes").Get(List).Post(Create);
        routes.Path("/v2/network-volumes/{id}").Get(Get).Patch(Update).Delete(Delete);
    }

    private Task List(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var list = store.Read(tx => volumes.List(tx, account));
        return JsonResponse.Write(context, 200, new JsonObject { ["networkVolumes"] = new JsonArray([.. list]) });
    }

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        return JsonResponse.Write(context, 200, store.Read(tx => volumes.Get(tx, account, id)));
    }

    private async Task Create(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(VolumeSchemas.Create, body);
        await JsonResponse.Write(context, 201, store.Write(tx => volumes.Create(tx, account, body)));
    }

    private async Task Update(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(VolumeSchemas.Update, body);
        await JsonResponse.Write(context, 200, store.Write(tx => volumes.Update(tx, account, id, body)));
    }

    private Task Delete(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteIds.Id(context);
        store.Write(tx => volumes.Delete(tx, account, id));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }
}
