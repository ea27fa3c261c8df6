using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;
using RunPod.Emulator.Serverless;

namespace RunPod.Emulator.Runtime;

/// <summary>
/// The serverless runtime API (`/v2/{endpointId}/run` ...). A different service from REST v2:
/// it accepts `Authorization: Bearer KEY` and the raw `Authorization: KEY`, and answers errors
/// with plain JSON `{"error": "..."}`, never problem+json.
/// </summary>
internal sealed class RuntimeRoutes(JobService jobs)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public void Register(RouteTable routes)
    {
        routes.Path("/v2/{endpointId}/run").Post(Plain(Run));
        routes.Path("/v2/{endpointId}/runsync").Post(Plain(RunSync));
        routes.Path("/v2/{endpointId}/status/{jobId}").Get(Plain(Status)).Post(Plain(Status));
        routes.Path("/v2/{endpointId}/status-sync/{jobId}").Get(Plain(StatusSync)).Post(Plain(StatusSync));
        routes.Path("/v2/{endpointId}/stream/{jobId}").Get(Plain(Stream)).Post(Plain(Stream));
        routes.Path("/v2/{endpointId}/cancel/{jobId}").Post(Plain(Cancel));
        routes.Path("/v2/{endpointId}/retry/{jobId}").Post(Plain(Retry));
        routes.Path("/v2/{endpointId}/purge-queue").Post(Plain(Purge));
        routes.Path("/v2/{endpointId}/health").Get(Plain(Health));
    }

    private async Task Run(HttpContext context, string account)
    {
        var body = await JsonResponse.ReadObject(context);
        var id = jobs.Submit(account, Endpoint(context), body, sync: false);
        await JsonResponse.Write(context, 200, new JsonObject { ["id"] = id, ["status"] = JobStatuses.InQueue });
    }

    /// <summary>Holds the request up to `wait` ms (default 90 s); an unfinished job still gets a 200 with its id and status.</summary>
    private async Task RunSync(HttpContext context, string account)
    {
        var body = await JsonResponse.ReadObject(context);
        var endpoint = Endpoint(context);
        var id = jobs.Submit(account, endpoint, body, sync: true);
        await WriteWhenTerminal(context, account, endpoint, id);
    }

    private Task Status(HttpContext context, string account) =>
        JsonResponse.Write(context, 200, jobs.Status(account, Endpoint(context), Job(context)));

    /// <summary>The JavaScript SDK's long-poll status route: holds like /runsync.</summary>
    private Task StatusSync(HttpContext context, string account) => WriteWhenTerminal(context, account, Endpoint(context), Job(context));

    /// <summary>Drains new chunks; holds up to `wait` ms (default 10 s) until there is a chunk or the job has ended.</summary>
    private async Task Stream(HttpContext context, string account)
    {
        var endpoint = Endpoint(context);
        var job = Job(context);
        var body = await Hold(context, Wait(context, 10_000), () => jobs.Stream(account, endpoint, job));
        await JsonResponse.Write(context, 200, body);
    }

    private Task Cancel(HttpContext context, string account) =>
        JsonResponse.Write(context, 200, jobs.Cancel(account, Endpoint(context), Job(context)));

    private Task Retry(HttpContext context, string account) =>
        JsonResponse.Write(context, 200, jobs.Retry(account, Endpoint(context), Job(context)));

    private Task Purge(HttpContext context, string account) => JsonResponse.Write(context, 200, jobs.PurgeQueue(account, Endpoint(context)));

    private Task Health(HttpContext context, string account) => JsonResponse.Write(context, 200, jobs.Health(account, Endpoint(context)));

    private async Task WriteWhenTerminal(HttpContext context, string account, string endpoint, string job)
    {
        var body = await Hold(context, Wait(context, 90_000), () =>
        {
            var status = jobs.Status(account, endpoint, job);
            return (status, JobStatuses.IsTerminal(status.Str("status")!));
        });
        await JsonResponse.Write(context, 200, body);
    }

    /// <summary>Polls in real time (the emulator clock moves with it) until done or the wait is over.</summary>
    private static async Task<T> Hold<T>(HttpContext context, TimeSpan wait, Func<(T Value, bool Done)> poll)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var (value, done) = poll();
            var left = deadline - DateTime.UtcNow;
            if (done || left <= TimeSpan.Zero)
            {
                return value;
            }
            await Task.Delay(left < PollEvery ? left : PollEvery, context.RequestAborted);
        }
    }

    /// <summary>`?wait=` in milliseconds, clamped to RunPod's documented 1000..300000.</summary>
    private static TimeSpan Wait(HttpContext context, long fallbackMs)
    {
        var text = context.Request.Query["wait"].ToString();
        var ms = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallbackMs;
        return TimeSpan.FromMilliseconds(Math.Clamp(ms, 1000, 300_000));
    }

    private static string Endpoint(HttpContext context) => (string)context.Request.RouteValues["endpointId"]!;

    private static string Job(HttpContext context) => (string)context.Request.RouteValues["jobId"]!;

    /// <summary>Runtime auth and error style around a handler.</summary>
    private static RequestDelegate Plain(Func<HttpContext, string, Task> handler) => async context =>
    {
        var key = ApiKeys.RuntimeKey(context.Request);
        if (string.IsNullOrEmpty(key) || !ApiKeys.IsValid(key))
        {
            await WriteError(context, 401, string.IsNullOrEmpty(key) ? "missing API key" : "invalid API key");
            return;
        }
        try
        {
            await handler(context, ApiKeys.AccountOf(key));
        }
        catch (ApiException e)
        {
            await WriteError(context, e.Status == 422 ? 400 : e.Status, e.Errors is { Count: > 0 } errors ? $"{e.Detail} {string.Join("; ", errors)}" : e.Detail);
        }
    };

    private static Task WriteError(HttpContext context, int status, string message) =>
        JsonResponse.Write(context, status, new JsonObject { ["error"] = message });
}
