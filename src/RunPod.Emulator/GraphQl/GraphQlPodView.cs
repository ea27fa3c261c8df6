using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Pods;
using RunPod.Emulator.Simulation;

namespace RunPod.Emulator.GraphQl;

/// <summary>The legacy GraphQL `Pod` shape: env as "K=V" strings, ports as one comma string, desiredStatus.</summary>
internal static class GraphQlPodView
{
    public static JsonObject Render(PodRecord pod, PodState state, DateTimeOffset now)
    {
        var mounts = JsonNode.Parse(pod.MountsJson)!.AsObject();
        var persistent = mounts["persistent"];
        var running = state.Status == PodStatuses.Running && state.RunningSince is not null;
        return new JsonObject
        {
            ["id"] = pod.Id,
            ["name"] = pod.Name,
            ["imageName"] = pod.Image,
            ["dockerArgs"] = pod.Args,
            ["dockerId"] = null,
            ["env"] = new JsonArray([.. pod.Env.Select(kv => (JsonNode?)$"{kv.Key}={kv.Value}")]),
            ["containerDiskInGb"] = pod.Disk,
            ["volumeInGb"] = persistent?["size"]?.GetValue<int>() ?? 0,
            ["volumeMountPath"] = persistent?["path"]?.GetValue<string>() ?? mounts["network"]?[0]?["path"]?.GetValue<string>(),
            ["costPerHr"] = PodJson.Cost(pod, state.Status),
            ["desiredStatus"] = pod.DesiredStatus,
            ["lastStatusChange"] = $"{(pod.DesiredStatus == PodStatuses.Running ? "Rented by User" : "Exited by User")}: {pod.LaunchedAt:ddd MMM dd yyyy HH:mm:ss} GMT+0000 (Coordinated Universal Time)",
            ["gpuCount"] = pod.GpuCount,
            ["vcpuCount"] = pod.VcpuCount,
            ["memoryInGb"] = pod.MemoryGb,
            ["machineId"] = pod.MachineId,
            ["podType"] = pod.Interruptible ? "INTERRUPTABLE" : "RESERVED",
            ["port"] = null,
            ["ports"] = string.Join(",", pod.Ports),
            ["uptimeSeconds"] = running ? (int)(now - state.RunningSince!.Value).TotalSeconds : 0,
            ["runtime"] = running ? new JsonObject
            {
                ["uptimeInSeconds"] = (int)(now - state.RunningSince!.Value).TotalSeconds,
                ["ports"] = new JsonArray([.. PodJson.RuntimePorts(pod).Select(p => (JsonNode?)new JsonObject
                {
                    ["ip"] = p!["type"]!.GetValue<string>() == "tcp" ? pod.PublicIp : "100.65.0.1",
                    ["isIpPublic"] = p["type"]!.GetValue<string>() == "tcp",
                    ["privatePort"] = p["private"]!.GetValue<int>(),
                    ["publicPort"] = p["public"]?.GetValue<int>() ?? p["private"]!.GetValue<int>(),
                    ["type"] = p["type"]!.GetValue<string>(),
                })]),
            } : null,
            ["machine"] = new JsonObject
            {
                ["podHostId"] = PodJson.ProxyUser(pod),
                ["gpuDisplayName"] = pod.GpuId is null ? null : CatalogSeed.Gpu(pod.GpuId)?.Name,
                ["location"] = pod.DataCenterId,
            },
        };
    }

    /// <summary>GraphQL gpuTypes entries (the lowestPrice block uses count 1 and secure cloud).</summary>
    public static JsonObject GpuType(GpuSeed gpu, string stockStatus, int availableCount) => new()
    {
        ["id"] = gpu.Id,
        ["displayName"] = gpu.Name,
        ["manufacturer"] = gpu.Manufacturer,
        ["memoryInGb"] = gpu.Memory,
        ["cudaCores"] = 0,
        ["maxGpuCount"] = gpu.MaxSecure,
        ["secureCloud"] = true,
        ["communityCloud"] = gpu.Community,
        ["securePrice"] = gpu.SecurePrice,
        ["communityPrice"] = gpu.CommunityPrice,
        ["secureSpotPrice"] = Math.Round(gpu.SecurePrice * 0.5, 2),
        ["communitySpotPrice"] = Math.Round(gpu.CommunityPrice * 0.5, 2),
        ["oneWeekPrice"] = Math.Round(gpu.SecurePrice * 0.95, 2),
        ["oneMonthPrice"] = Math.Round(gpu.SecurePrice * 0.9, 2),
        ["threeMonthPrice"] = Math.Round(gpu.SecurePrice * 0.85, 2),
        ["lowestPrice"] = new JsonObject
        {
            ["minimumBidPrice"] = Math.Round(gpu.SecurePrice * 0.5, 2),
            ["uninterruptablePrice"] = gpu.SecurePrice,
            ["stockStatus"] = stockStatus,
            ["availableGpuCounts"] = new JsonArray([.. Enumerable.Range(1, Math.Min(availableCount, gpu.MaxSecure)).Select(n => (JsonNode?)n)]),
        },
    };
}
