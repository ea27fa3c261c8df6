using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Rest;

internal static class RouteIds
{
    /// <summary>The `{id}` of the matched route.</summary>
    public static string Id(HttpContext context) => (string)context.Request.RouteValues["id"]!;
}
