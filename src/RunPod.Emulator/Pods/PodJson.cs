using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Simulation;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Pods;

/// <summary>Renders the REST v2 `Pod` object (every required field, gpu xor cpu).</summary>
internal static class PodJson
{
    public const string ProxyHost = "ssh.runpod.io";

    public static JsonObject Render(PodRecord pod, PodState state)
    {
        var json = new JsonObject
        {
            ["id"] = pod.Id,
            ["name"] = pod.Name,
            ["status"] = state.Status,
            ["actions"] = new JsonArray([.. PodLifecycle.Actions(state.Status).Select(a => (JsonNode?)a)]),
            ["image"] = pod.Image,
            ["args"] = pod.Args,
            ["disk"] = pod.Disk,
            ["mounts"] = JsonNode.Parse(pod.MountsJson),
            ["ports"] = new JsonArray([.. pod.Ports.Select(p => (JsonNode?)p)]),
            ["env"] = new JsonObject(pod.Env.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["registry"] = pod.Registry,
        };
        if (pod.IsGpu)
        {
            json["gpu"] = new JsonObject { ["id"] = pod.GpuId, ["count"] = pod.GpuCount };
        }
        else
        {
            json["cpu"] = new JsonObject { ["id"] = pod.CpuId, ["vcpuCount"] = pod.VcpuCount, ["memory"] = pod.MemoryGb };
        }
        json["cloud"] = pod.Cloud;
        json["dataCenterId"] = pod.DataCenterId;
        json["cudaVersion"] = pod.CudaVersion;
        json["ssh"] = new JsonObject { ["proxy"] = Proxy(pod), ["direct"] = Direct(pod, state) };
        json["template"] = pod.Template;
        json["cost"] = Cost(pod, state.Status);
        json["locked"] = pod.Locked;
        json["runtime"] = Runtime(pod, state);
        json["createdAt"] = EmulatorClock.Format(pod.CreatedAt);
        json["startedAt"] = state.StartedAt is { } started ? EmulatorClock.Format(started) : null;
        json["globalNetworking"] = pod.GlobalNetworking && pod.GlobalIp is not null
            ? new JsonObject { ["enabled"] = true, ["ip"] = pod.GlobalIp, ["internalDns"] = $"{pod.Id}.runpod.internal" }
            : new JsonObject { ["enabled"] = false };
        return json;
    }

    /// <summary>USD/hour: catalog price × count (bid × count for spot), 0 once stopped.</summary>
    public static double Cost(PodRecord pod, string status)
    {
        if (status is PodStatuses.Exited or PodStatuses.Terminated)
        {
            return 0.0;
        }
        if (!pod.IsGpu)
        {
            return Math.Round((CatalogSeed.Cpu(pod.CpuId!)?.SecurePerVcpu ?? 0) * pod.VcpuCount, 4);
        }
        var perGpu = pod.Interruptible && pod.BidPerGpu is { } bid ? bid : CatalogSeed.Gpu(pod.GpuId!)?.Price(pod.Cloud) ?? 0;
        return Math.Round(perGpu * pod.GpuCount, 4);
    }

    public static string ProxyUser(PodRecord pod) => $"{pod.Id}-{pod.HostSuffix}";

    private static JsonObject Proxy(PodRecord pod) => new()
    {
        ["host"] = ProxyHost,
        ["port"] = 22,
        ["username"] = ProxyUser(pod),
        ["command"] = $"ssh {ProxyUser(pod)}@{ProxyHost}",
    };

    private static JsonObject? Direct(PodRecord pod, PodState state)
    {
        if (state.Status != PodStatuses.Running || !pod.PublicPorts.TryGetValue("22", out var port) || !pod.Ports.Contains("22/tcp"))
        {
            return null;
        }
        return new JsonObject
        {
            ["host"] = pod.PublicIp,
            ["port"] = port,
            ["username"] = "root",
            ["command"] = $"ssh root@{pod.PublicIp} -p {port}",
        };
    }

    private static JsonObject? Runtime(PodRecord pod, PodState state)
    {
        if (state.Status != PodStatuses.Running || state.RunningSince is null)
        {
            return null;
        }
        var gpus = new JsonArray();
        for (var i = 0; i < pod.GpuCount; i++)
        {
            gpus.Add((JsonNode)new JsonObject { ["util"] = 0, ["memoryUtil"] = 0 });
        }
        return new JsonObject
        {
            ["uptime"] = 0,
            ["gpus"] = gpus,
            ["cpu"] = new JsonObject { ["util"] = 1 },
            ["memory"] = new JsonObject { ["util"] = 3 },
            ["ports"] = new JsonArray([.. RuntimePorts(pod)]),
        };
    }

    /// <summary>Each `/tcp` port gets the pod's public IP and a public port; http ports go through the proxy (public null).</summary>
    public static IEnumerable<JsonNode?> RuntimePorts(PodRecord pod)
    {
        foreach (var port in pod.Ports)
        {
            var (number, protocol) = PortSpec.Parse(port);
            var tcp = protocol == "tcp";
            yield return new JsonObject
            {
                ["private"] = number,
                ["public"] = tcp && pod.PublicPorts.TryGetValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var mapped) ? mapped : null,
                ["type"] = protocol,
                ["ip"] = tcp ? pod.PublicIp : null,
            };
        }
    }

    /// <summary>Uptime is filled by the caller, which knows "now".</summary>
    public static JsonObject WithUptime(JsonObject pod, PodState state, DateTimeOffset now)
    {
        if (pod["runtime"] is JsonObject runtime && state.RunningSince is { } since)
        {
            runtime["uptime"] = (int)Math.Max(0, (now - since).TotalSeconds);
        }
        return pod;
    }
}
