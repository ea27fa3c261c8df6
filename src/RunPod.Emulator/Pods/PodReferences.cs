using RunPod.Emulator.Registries;
using RunPod.Emulator.State;
using RunPod.Emulator.Templates;

namespace RunPod.Emulator.Pods;

/// <summary>Which pods hold a template or a registry credential (the delete-in-use rules).</summary>
internal sealed class PodReferences(PodStore pods) : ITemplateUsage, IRegistryUsage
{
    IEnumerable<string> ITemplateUsage.UsersOf(StateTransaction tx, string account, string templateId) =>
        pods.List(tx, account).Where(p => p.SourceTemplateId == templateId).Select(p => $"pod {p.Id}");

    IEnumerable<string> IRegistryUsage.UsersOf(StateTransaction tx, string account, string registryId) =>
        pods.List(tx, account).Where(p => p.Registry == registryId).Select(p => $"pod {p.Id}");
}
