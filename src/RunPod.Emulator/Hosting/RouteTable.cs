using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.Hosting;

/// <summary>
/// Registers one endpoint per path that dispatches on the method itself, so a wrong method
/// gets RunPod's 405 problem+json with an exact `Allow` header, and every handler's
/// <see cref="ApiException"/> becomes problem+json in one place.
/// </summary>
internal sealed class RouteTable(IEndpointRouteBuilder endpoints)
{
    public PathRoutes Path(string pattern) => new(endpoints, pattern);

    internal sealed class PathRoutes
    {
        private readonly Dictionary<string, RequestDelegate> _handlers = new(StringComparer.OrdinalIgnoreCase);

        public PathRoutes(IEndpointRouteBuilder endpoints, string pattern) => endpoints.Map(pattern, Dispatch);

        public PathRoutes Get(RequestDelegate handler) => On("GET", handler);
        public PathRoutes Post(RequestDelegate handler) => On("POST", handler);
        public PathRoutes Put(RequestDelegate handler) => On("PUT", handler);
        public PathRoutes Patch(RequestDelegate handler) => On("PATCH", handler);
        public PathRoutes Delete(RequestDelegate handler) => On("DELETE", handler);

        private PathRoutes On(string method, RequestDelegate handler)
        {
            _handlers[method] = handler;
            return this;
        }

        private async Task Dispatch(HttpContext context)
        {
            if (!_handlers.TryGetValue(context.Request.Method, out var handler))
            {
                context.Response.Headers.Allow = string.Join(", ", _handlers.Keys);
                await Problem.Write(context, 405, "The requested method is not allowed for this path.");
                return;
            }
            try
            {
                await handler(context);
            }
            catch (ApiException e)
            {
                await Problem.Write(context, e);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                // Logging is off (the CLI owns the console), so the bug report travels in the body.
                await Problem.Write(context, 500, $"emulator error: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
