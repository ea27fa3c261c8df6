using System.Globalization;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Http;

/// <summary>
/// Fixed windows per account (minute/hour/day) on the emulator clock, counted in SQLite so
/// separate processes share them. Headers follow the IETF ratelimit-headers draft exactly as
/// RunPod sends them: `"minute";r=59;t=12, "hour";...` and `"minute";q=60;w=60, ...`.
/// </summary>
internal sealed class RateLimiter(StateStore store, EmulatorClock clock, EmulatorConfigStore config)
{
    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        var account = ApiKeys.TryAccount(context);
        if (account is null)
        {
            await next(context);
            return;
        }

        var windows = store.Write(tx => Count(tx, account));
        context.Response.Headers["RateLimit"] = string.Join(", ", windows.Select(w => $"\"{w.Name}\";r={w.Remaining};t={w.ResetSeconds}"));
        context.Response.Headers["RateLimit-Policy"] = string.Join(", ", windows.Select(w => $"\"{w.Name}\";q={w.Quota};w={w.Length}"));

        var exceeded = windows.Where(w => w.Exceeded).OrderByDescending(w => w.ResetSeconds).FirstOrDefault();
        if (exceeded is not null)
        {
            context.Response.Headers.RetryAfter = exceeded.ResetSeconds.ToString(CultureInfo.InvariantCulture);
            await Problem.Write(context, 429, $"rate limit exceeded for the {exceeded.Name} window");
            return;
        }
        await next(context);
    }

    private List<WindowState> Count(StateTransaction tx, string account)
    {
        var now = clock.Now(tx).ToUnixTimeSeconds();
        var quotas = config.Get(tx).RateLimits;
        var result = new List<WindowState>(3);
        foreach (var (name, length, quota) in new[] { ("minute", 60L, quotas.Minute), ("hour", 3600L, quotas.Hour), ("day", 86400L, quotas.Day) })
        {
            var start = now - (now % length);
            var used = tx.CountRequest(account, name, start);
            // t is at least 1: a client told "0 seconds" would retry in a busy loop.
            result.Add(new WindowState(name, length, quota, Math.Max(0, quota - used), Math.Max(1, start + length - now), used > quota));
        }
        return result;
    }

    private sealed record WindowState(string Name, long Length, long Quota, long Remaining, long ResetSeconds, bool Exceeded);
}
