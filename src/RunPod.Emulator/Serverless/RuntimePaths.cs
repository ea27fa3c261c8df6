using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// Tells the serverless runtime API (`/v2/{endpointId}/run` ...) apart from REST v2 on the shared
/// origin: the runtime is a different service with its own auth (raw key accepted) and plain-JSON errors.
/// </summary>
internal static class RuntimePaths
{
    public static readonly string[] Operations = ["run", "runsync", "status", "status-sync", "stream", "cancel", "retry", "purge-queue", "health"];

    /// <summary>First path segments that belong to REST v2 collections, never endpoint ids.</summary>
    private static readonly string[] RestCollections =
        ["pods", "serverless", "templates", "catalog", "network-volumes", "registries", "billing", "clusters", "openapi.json", "user"];

    public static bool IsRuntime(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0] == "v2"
               && !RestCollections.Contains(segments[1], StringComparer.Ordinal)
               && Operations.Contains(segments[2], StringComparer.Ordinal);
    }
}
