using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.Admin;

/// <summary><c>/_emulator/faults</c>: add, list and clear injected faults (JSON shapes in the emulator README).</summary>
internal sealed class FaultRoutes(FaultStore faults)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/_emulator/faults").Get(List).Post(Add).Delete(Clear);
        routes.Path("/_emulator/faults/{id}").Delete(Remove);
    }

    private Task List(HttpContext context) =>
        JsonResponse.Write(context, 200, new JsonObject { ["faults"] = new JsonArray([.. faults.List()]) });

    private async Task Add(HttpContext context)
    {
        var body = await JsonResponse.ReadObject(context);
        var rule = faults.Add(body);
        await JsonResponse.Write(context, 201, rule.ToJson());
    }

    private Task Clear(HttpContext context)
    {
        faults.Clear();
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private Task Remove(HttpContext context)
    {
        if (!faults.Remove((string)context.Request.RouteValues["id"]!))
        {
            throw ApiException.NotFound();
        }
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }
}
