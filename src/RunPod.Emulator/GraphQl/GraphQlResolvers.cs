using System.Text.Json.Nodes;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.GraphQl;

/// <summary>
/// The root fields the emulator serves: what REST v2 lacks for pods (spot, placement floors,
/// resume with GPU count) plus the read queries runpod-python uses. Pods are the same records REST sees.
/// </summary>
internal sealed class GraphQlResolvers(StateStore store, PodService pods, CapacityLedger capacity, EmulatorClock clock, GraphQlAccountResolvers accountFields)
{
    public const string NotAuthenticated = "You must be authenticated to perform this action.";

    public static readonly HashSet<string> Anonymous = ["gpuTypes", "myself", "__typename"];

    public JsonNode? Resolve(string field, JsonObject args, string? account) => field switch
    {
        "__typename" => "Query",
        "gpuTypes" => GpuTypes(args),
        "myself" => account is null ? null : Myself(account),
        "pod" => store.Read(tx => PodView(tx, pods.Get(tx, account!, Input(args).Str("podId") ?? ""))),
        "podFindAndDeployOnDemand" => Create(account!, Input(args), interruptible: false),
        "podRentInterruptable" => Create(account!, Input(args), interruptible: true),
        "podResume" or "podBidResume" => Act(account!, Input(args), "start"),
        "podStop" => Act(account!, Input(args), "stop"),
        "podTerminate" => Terminate(account!, Input(args)),
        _ when GraphQlAccountResolvers.Handles(field) => accountFields.Resolve(field, args, account!),
        _ => throw new GraphQlRequestException($"Cannot query field \"{field}\" on type \"Query\"."),
    };

    public static bool IsKnown(string field) => field is "__typename" or "gpuTypes" or "myself" or "pod" or "podFindAndDeployOnDemand"
        or "podRentInterruptable" or "podResume" or "podBidResume" or "podStop" or "podTerminate" || GraphQlAccountResolvers.Handles(field);

    private static JsonObject Input(JsonObject args) => args["input"] as JsonObject ?? [];

    private JsonObject PodView(StateTransaction tx, PodRecord pod) => GraphQlPodView.Render(pod, pods.StateOf(tx, pod), clock.Now(tx));

    private JsonNode Myself(string account) => store.Read(tx =>
    {
        var myself = new JsonObject();
        accountFields.AddMyself(tx, account, myself);
        // Spend per hour: what the account's live pods cost now (stopped pods cost 0).
        myself["currentSpendPerHr"] = Math.Round(pods.List(tx, account).Sum(p => PodJson.Cost(p, pods.StateOf(tx, p).Status)), 4);
        myself["pods"] = new JsonArray([.. pods.List(tx, account).Select(p => (JsonNode)PodView(tx, p))]);
        return myself;
    });

    private JsonNode GpuTypes(JsonObject args)
    {
        var id = (args["input"] as JsonObject)?.Str("id");
        return store.Read(tx => new JsonArray([.. CatalogSeed.Gpus.Where(g => id is null || g.Id == id).Select(g =>
        {
            var free = CatalogSeed.DataCenters.Sum(dc => capacity.Free(tx, g.Id, dc.Id, Clouds.Secure));
            var level = CatalogJson.Level(free, 1);
            return (JsonNode)GraphQlPodView.GpuType(g, level == "NONE" ? "None" : level[0] + level[1..].ToLowerInvariant(), free);
        })]));
    }

    private JsonNode Create(string account, JsonObject input, bool interruptible)
    {
        var spec = ToSpec(input, interruptible);
        return store.Write(tx => PodView(tx, pods.Create(tx, account, spec)));
    }

    private JsonNode Act(string account, JsonObject input, string action)
    {
        var id = input.Str("podId") ?? "";
        return store.Write(tx => PodView(tx, pods.Act(tx, account, id, action, input.Int("gpuCount"), input.Double("bidPerGpu"))!));
    }

    private JsonNode? Terminate(string account, JsonObject input)
    {
        store.Write(tx => pods.Act(tx, account, input.Str("podId") ?? "", "terminate"));
        return null;
    }

    /// <summary>podFindAndDeployOnDemand / podRentInterruptable input → the shared create spec.</summary>
    private static PodSpec ToSpec(JsonObject input, bool interruptible)
    {
        var mounts = new JsonObject();
        if (input.Str("networkVolumeId") is { Length: > 0 } volumeId)
        {
            mounts["network"] = new JsonArray(new JsonObject { ["volumeId"] = volumeId, ["path"] = input.Str("volumeMountPath") ?? "/runpod-volume" });
        }
        else if (input.Int("volumeInGb") is > 0 and var size)
        {
            // v2 reports persistent mounts with a 10 GB floor (upstream enforces it).
            mounts["persistent"] = new JsonObject { ["size"] = Math.Max(10, size), ["path"] = input.Str("volumeMountPath") ?? "/runpod-volume" };
        }
        var bid = input.Double("bidPerGpu");
        if (interruptible && bid is null or <= 0)
        {
            throw ApiException.BadRequest("bidPerGpu is required for an interruptible pod.");
        }
        return new PodSpec
        {
            Name = input.Str("name") ?? "",
            Image = input.Str("imageName"),
            Args = input.Str("dockerArgs"),
            Disk = input.Int("containerDiskInGb"),
            Env = input["env"] is JsonArray env ? env.OfType<JsonObject>().ToDictionary(e => e.Str("key") ?? "", e => e.Str("value") ?? "") : null,
            Ports = input.Str("ports") is { Length: > 0 } ports ? [.. ports.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
            GpuId = input.Str("gpuTypeId") ?? throw ApiException.BadRequest("gpuTypeId is required."),
            GpuCount = input.Int("gpuCount") ?? 1,
            AllowedCudaVersions = input.Strings("allowedCudaVersions"),
            Cloud = input.Str("cloudType") ?? "ALL",
            DataCenterIds = input.Str("dataCenterId") is { Length: > 0 } dc ? [dc] : [],
            CountryCode = input.Str("countryCode"),
            MountsJson = mounts.ToJsonString(),
            StartSsh = input.Bool("startSsh") ?? false,
            StartJupyter = input.Bool("startJupyter") ?? false,
            TemplateId = input.Str("templateId") is { Length: > 0 } t ? t : null,
            Interruptible = interruptible,
            BidPerGpu = interruptible ? bid : null,
            MinVcpuCount = input.Int("minVcpuCount") ?? 0,
            MinMemoryInGb = input.Int("minMemoryInGb") ?? 0,
        };
    }
}
