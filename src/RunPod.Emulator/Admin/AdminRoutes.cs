using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Admin;

/// <summary>
/// The `/_emulator/...` control surface for tests and the CLI: reset, clock, request log,
/// config, capacity. No auth: the emulator binds to loopback.
/// </summary>
internal sealed class AdminRoutes(StateStore store, EmulatorClock clock, EmulatorConfigStore config, CapacityLedger capacity, FaultStore faults)
{
    public void Register(RouteTable routes)
    {
        routes.Path("/_emulator/reset").Post(Reset);
        routes.Path("/_emulator/clock").Get(GetClock).Post(AdvanceClock);
        routes.Path("/_emulator/requests").Get(ListRequests).Delete(ClearRequests);
        routes.Path("/_emulator/config").Get(GetConfig).Post(SetConfig);
        routes.Path("/_emulator/capacity").Get(GetCapacity).Post(SetCapacity);
    }

    private Task Reset(HttpContext context)
    {
        store.Write(tx => tx.WipeEverything());
        faults.Clear();
        return JsonResponse.Write(context, 200, new JsonObject { ["reset"] = true });
    }

    private Task GetClock(HttpContext context) => JsonResponse.Write(context, 200, ClockJson());

    private async Task AdvanceClock(HttpContext context)
    {
        var body = await JsonResponse.ReadObject(context);
        var seconds = body.Double("advanceSeconds") ?? throw ApiException.Validation(["$: missing properties: 'advanceSeconds'"]);
        clock.Advance(TimeSpan.FromSeconds(seconds));
        await JsonResponse.Write(context, 200, ClockJson());
    }

    private JsonObject ClockJson() => store.Read(tx => new JsonObject
    {
        ["now"] = EmulatorClock.Format(clock.Now(tx)),
        ["offsetSeconds"] = clock.Offset(tx).TotalSeconds,
    });

    private Task ListRequests(HttpContext context)
    {
        var filter = context.Request.Query["path"].ToString();
        var entries = store.Read(tx => tx.ListRequestLog())
            .Select(json => JsonNode.Parse(json)!)
            .Where(e => filter.Length == 0 || (e["path"]?.GetValue<string>() ?? "").StartsWith(filter, StringComparison.Ordinal));
        return JsonResponse.Write(context, 200, new JsonObject { ["requests"] = new JsonArray([.. entries]) });
    }

    private Task ClearRequests(HttpContext context)
    {
        store.Write(tx => tx.ClearRequestLog());
        JsonResponse.NoContent(context);
        return Task.CompletedTask;
    }

    private Task GetConfig(HttpContext context) => JsonResponse.Write(context, 200, ConfigJson(store.Read(config.Get)));

    /// <summary>Partial update: {"provisioningDelaySeconds":0,"startingDelaySeconds":0,"rateLimits":{"minute":5}}.</summary>
    private async Task SetConfig(HttpContext context)
    {
        var body = await JsonResponse.ReadObject(context);
        var updated = store.Write(tx =>
        {
            var current = config.Get(tx);
            var limits = body["rateLimits"] as JsonObject;
            var next = current with
            {
                ProvisioningDelaySeconds = body.Double("provisioningDelaySeconds") ?? current.ProvisioningDelaySeconds,
                StartingDelaySeconds = body.Double("startingDelaySeconds") ?? current.StartingDelaySeconds,
                RateLimits = new RateLimitQuotas
                {
                    Minute = (long?)limits?.Double("minute") ?? current.RateLimits.Minute,
                    Hour = (long?)limits?.Double("hour") ?? current.RateLimits.Hour,
                    Day = (long?)limits?.Double("day") ?? current.RateLimits.Day,
                },
            };
            config.Put(tx, next);
            return next;
        });
        await JsonResponse.Write(context, 200, ConfigJson(updated));
    }

    private static JsonObject ConfigJson(EmulatorConfig value) => new()
    {
        ["provisioningDelaySeconds"] = value.ProvisioningDelaySeconds,
        ["startingDelaySeconds"] = value.StartingDelaySeconds,
        ["rateLimits"] = new JsonObject
        {
            ["minute"] = value.RateLimits.Minute,
            ["hour"] = value.RateLimits.Hour,
            ["day"] = value.RateLimits.Day,
        },
    };

    /// <summary>GET ?gpuTypeId=...: free/total per (DC, cloud) for one resource, plus the overrides in force.</summary>
    private Task GetCapacity(HttpContext context)
    {
        var resource = context.Request.Query["gpuTypeId"].ToString() is { Length: > 0 } g ? g : context.Request.Query["cpuTypeId"].ToString();
        var body = store.Read(tx =>
        {
            var result = new JsonObject
            {
                ["overrides"] = new JsonArray([.. capacity.Overrides(tx).Select(o => (JsonNode)new JsonObject { ["key"] = o.Key, ["total"] = o.Total })]),
            };
            if (resource.Length > 0)
            {
                result["resourceId"] = resource;
                result["stock"] = new JsonArray([.. CatalogSeed.DataCenters.SelectMany(dc => Clouds.All.Select(cloud => (dc, cloud)))
                    .Select(x => (x.dc, x.cloud, total: capacity.Total(tx, resource, x.dc.Id, x.cloud)))
                    .Where(x => x.total > 0)
                    .Select(x => (JsonNode)new JsonObject
                    {
                        ["dataCenterId"] = x.dc.Id,
                        ["cloud"] = x.cloud,
                        ["total"] = x.total,
                        ["available"] = capacity.Free(tx, resource, x.dc.Id, x.cloud),
                    })]);
            }
            return result;
        });
        return JsonResponse.Write(context, 200, body);
    }

    /// <summary>
    /// {"gpuTypeId"|"cpuTypeId", "dataCenterId"?, "cloud"?, "available"}: sets free units now
    /// (omitted DC or cloud = all of them). {"all": N} sets every total; {"reset": true} restores defaults.
    /// </summary>
    private async Task SetCapacity(HttpContext context)
    {
        var body = await JsonResponse.ReadObject(context);
        store.Write(tx =>
        {
            if (body.Bool("reset") == true)
            {
                capacity.ClearOverrides(tx);
                return;
            }
            if (body.Int("all") is { } all)
            {
                capacity.SetEverything(tx, all);
                return;
            }
            var resource = body.Str("gpuTypeId") ?? body.Str("cpuTypeId") ?? body.Str("resourceId")
                ?? throw ApiException.Validation(["$: missing properties: 'gpuTypeId'"]);
            var available = body.Int("available") ?? throw ApiException.Validation(["$: missing properties: 'available'"]);
            var dcs = body.Str("dataCenterId") is { } dc ? [dc] : CatalogSeed.DataCenters.Select(d => d.Id).ToArray();
            var clouds = body.Str("cloud") is { } cloud ? [cloud] : Clouds.All;
            foreach (var dcId in dcs)
            {
                foreach (var c in clouds)
                {
                    capacity.SetFree(tx, resource, dcId, c, available);
                }
            }
        });
        await JsonResponse.Write(context, 200, new JsonObject { ["ok"] = true, ["at"] = EmulatorClock.Format(clock.Now()) });
    }
}
