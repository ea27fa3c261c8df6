using RunPod.Api;
using RunPod.Api.Pods;

namespace Rpctl.Services;

/// <summary>Finds pods by their exact name, to settle whether a create with a lost answer happened.</summary>
internal static class PodLookup
{
    public static CreatedLookup<Pod> For(RunPodClient client, string name) => new(
        "pod",
        name,
        async ct => (await client.Pods.ListAsync(ct)).Where(p => p.Name == name).ToList(),
        p => p.Id,
        p => p.CreatedAt,
        $"rpctl pod list --name '{name}'");
}
