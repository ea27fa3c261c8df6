using RunPod.Api;
using RunPod.Api.Registries;
using RunPod.Api.Serverless;
using RunPod.Api.Templates;
using RunPod.Api.Volumes;

namespace Rpctl.Services;

/// <summary>
/// Finds endpoints, templates, network volumes and registry credentials by their exact name, to
/// settle whether a create with a lost answer happened. Their v2 objects carry no creation time,
/// so <see cref="SafeCreate"/> notes the namesakes that exist before the first send instead.
/// </summary>
internal static class CreatedLookups
{
    public static CreatedLookup<Endpoint> Endpoint(RunPodClient client, string name) => new(
        "endpoint", name,
        async ct => (await client.Endpoints.ListAsync(ct)).Where(e => e.Name == name).ToList(),
        e => e.Id, null, "rpctl endpoint list");

    public static CreatedLookup<Template> Template(RunPodClient client, string name) => new(
        "template", name,
        async ct => (await client.Templates.ListAsync(ct)).Where(t => t.Name == name).ToList(),
        t => t.Id, null, "rpctl template list");

    public static CreatedLookup<NetworkVolume> Volume(RunPodClient client, string name) => new(
        "network volume", name,
        async ct => (await client.Volumes.ListAsync(ct)).Where(v => v.Name == name).ToList(),
        v => v.Id, null, "rpctl volume list");

    public static CreatedLookup<Registry> Registry(RunPodClient client, string name) => new(
        "registry credential", name,
        async ct => (await client.Registries.ListAsync(ct)).Where(r => r.Name == name).ToList(),
        r => r.Id, null, "rpctl registry list");
}
