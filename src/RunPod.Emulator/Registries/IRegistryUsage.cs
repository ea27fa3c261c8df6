using RunPod.Emulator.State;

namespace RunPod.Emulator.Registries;

/// <summary>Something that pulls with a registry credential (pods), so a credential in use is not deleted.</summary>
internal interface IRegistryUsage
{
    /// <summary>Readable names of the users, e.g. "pod abc123def456gh".</summary>
    IEnumerable<string> UsersOf(StateTransaction tx, string account, string registryId);
}
