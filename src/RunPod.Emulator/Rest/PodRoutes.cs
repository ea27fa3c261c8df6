using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Rest;

/// <summary>REST v2 `/v2/pods`.</summary>
internal sealed class PodRoutes(StateStore store, PodService pods)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/v2/pods").Get(List).Post(Create);
        routes.Path("/v2/pods/{id}").Get(Get).Patch(Update).Delete(Delete);
        routes.Path("/v2/pods/{id}/action").Post(Act);
    }

    private Task List(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        // includeClusterPods is accepted; the emulator has no cluster members to hide yet.
        // One snapshot (rows + clock + delays) under the lock, then each pod is rendered and
        // streamed on its own: no per-pod query, and never the whole list as one JSON tree.
        var (records, moment) = store.Read(tx => (pods.List(tx, account), pods.Moment(tx)));
        return JsonResponse.WriteList(context, 200, "pods", records, p => PodService.Render(moment, p));
    }

    private Task Get(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteId(context);
        var body = store.Read(tx => pods.Render(tx, pods.Get(tx, account, id)));
        return JsonResponse.Write(context, 200, body);
    }

    private async Task Create(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var body = await JsonResponse.ReadObject(context);
        var errors = JsonRule.Validate(PodSchemas.Create, body);
        if (!body.ContainsKey("templateId") && !body.ContainsKey("image"))
        {
            errors.Insert(0, "$: missing properties: 'image'");
        }
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        var spec = ToSpec(body);
        var created = store.Write(tx => pods.Render(tx, pods.Create(tx, account, spec)));
        await JsonResponse.Write(context, 201, created);
    }

    private async Task Update(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteId(context);
        var body = await JsonResponse.ReadObject(context);
        var errors = JsonRule.Validate(PodSchemas.Update, body);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        var updated = store.Write(tx => pods.Render(tx, pods.Update(tx, account, id, body)));
        await JsonResponse.Write(context, 200, updated);
    }

    private Task Delete(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteId(context);
        store.Write(tx => pods.Act(tx, account, id, "terminate"));
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private async Task Act(HttpContext context)
    {
        var account = ApiKeys.Account(context);
        var id = RouteId(context);
        var body = await JsonResponse.ReadObject(context);
        var errors = JsonRule.Validate(PodSchemas.Action, body);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        var action = body.Str("action")!;
        var result = store.Write(tx => pods.Act(tx, account, id, action) is { } pod ? pods.Render(tx, pod) : null);
        if (result is null)
        {
            JsonResponse.NoContent(context);
            return;
        }
        await JsonResponse.Write(context, 200, result);
    }

    private static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    /// <summary>Schema-valid body → spec, applying the cross-field rules that are 400s.</summary>
    private static PodSpec ToSpec(JsonObject body)
    {
        var gpu = body["gpu"] as JsonObject;
        var cpu = body["cpu"] as JsonObject;
        if ((gpu is null) == (cpu is null))
        {
            throw ApiException.BadRequest("exactly one of gpu or cpu must be set");
        }
        return new PodSpec
        {
            Name = body.Str("name")!,
            Image = body.Str("image"),
            Args = body.Str("args"),
            Disk = body.Int("disk"),
            Env = body.StringMap("env"),
            Ports = body.Strings("ports"),
            Registry = body.Str("registry"),
            GpuId = gpu?.Str("id"),
            GpuCount = gpu?.Int("count") ?? 1,
            AllowedCudaVersions = gpu?.Strings("allowedCudaVersions"),
            MinCudaVersion = gpu?.Str("minCudaVersion"),
            CpuId = cpu?.Str("id"),
            VcpuCount = cpu?.Int("vcpuCount") ?? 0,
            Cloud = body.Str("cloud") ?? "SECURE",
            DataCenterIds = body.Strings("dataCenterIds") ?? [],
            MountsJson = (body["mounts"] ?? new JsonObject()).ToJsonString(),
            GlobalNetworking = body.Bool("globalNetworking") ?? false,
            StartSsh = body.Bool("startSsh") ?? false,
            StartJupyter = body.Bool("startJupyter") ?? false,
            TemplateId = body.Str("templateId"),
        };
    }
}
