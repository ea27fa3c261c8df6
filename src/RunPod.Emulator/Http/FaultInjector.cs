using System.Globalization;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Admin;

namespace RunPod.Emulator.Http;

/// <summary>
/// Applies the fault (if any) that fires on a RunPod API request: latency, an error status, or a
/// connection dropped before or after the request is processed. Admin routes are never faulted.
/// </summary>
internal sealed class FaultInjector(FaultStore faults)
{
    /// <summary>HttpContext.Items key the request log reads to record which fault hit a request.</summary>
    public const string LogKey = "emulator.fault";

    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        var fault = path.StartsWith("/_emulator", StringComparison.Ordinal) ? null : faults.Fire(context.Request.Method, path);
        if (fault is null)
        {
            await next(context);
            return;
        }

        context.Items[LogKey] = fault.Describe();
        if (fault.LatencyMs is { } ms && ms > 0)
        {
            await Task.Delay(ms, context.RequestAborted);
        }

        switch (fault.Drop)
        {
            case FaultDrop.Before:
                RequestLog.WriteNow(context);
                context.Abort();
                return;
            case FaultDrop.After:
                await ProcessThenDrop(context, next);
                return;
        }

        if (fault.Status is { } status)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            await Problem.Write(context, status, fault.Detail ?? DefaultDetail(status));
            return;
        }

        await next(context);
    }

    /// <summary>The handler runs to completion (state changes are committed), but its answer never leaves.</summary>
    private static async Task ProcessThenDrop(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            RequestLog.WriteNow(context);
            context.Abort();
        }
    }

    private static string DefaultDetail(int status) => status switch
    {
        429 => "rate limit exceeded for the minute window",
        >= 500 => "injected fault: internal error",
        _ => "injected fault",
    };
}
