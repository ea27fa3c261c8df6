using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Http;

/// <summary>Every `/v2/...` REST route (not the runtime API) (catalog included) needs a bearer key; 401s carry no RateLimit headers.</summary>
internal static class RestAuthMiddleware
{
    public static async Task Invoke(HttpContext context, RequestDelegate next)
    {
        // The serverless runtime shares the /v2 prefix but authenticates (and words its errors) itself.
        if (!context.Request.Path.StartsWithSegments("/v2") || Serverless.RuntimePaths.IsRuntime(context.Request.Path))
        {
            await next(context);
            return;
        }
        var key = ApiKeys.BearerToken(context.Request);
        if (string.IsNullOrEmpty(key))
        {
            await Problem.Write(context, 401, "missing bearer token");
            return;
        }
        if (!ApiKeys.IsValid(key))
        {
            await Problem.Write(context, 401, "invalid bearer token");
            return;
        }
        ApiKeys.SetAccount(context, ApiKeys.AccountOf(key));
        await next(context);
    }
}
