using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Account;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/account/ssh-keys`: GET the set, PUT replaces it.</summary>
internal sealed class AccountRoutes(StateStore store, SshKeyStore keys)
{
    public void Register(RouteTable routes) => routes.Path("/v2/account/ssh-keys").Get(Get).Put(Replace);

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        return JsonResponse.Write(context, 200, Render(store.Read(tx => keys.Get(tx, account))));
    }

    private async Task Replace(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        JsonRule.EnsureValid(SshKeyStore.Schema, body);
        var list = body.Strings("keys")!;
        await JsonResponse.Write(context, 200, Render(store.Write(tx => keys.Replace(tx, account, list))));
    }

    private static JsonObject Render(List<string> list) => new() { ["keys"] = new JsonArray([.. list.Select(k => (JsonNode?)k)]) };
}
