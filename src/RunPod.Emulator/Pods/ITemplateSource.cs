namespace RunPod.Emulator.Pods;

/// <summary>The container settings a template contributes when a pod is created or patched with `templateId`.</summary>
internal sealed record TemplateSettings(
    string Image, string Args, int Disk, List<string> Ports, Dictionary<string, string> Env, string? Registry,
    string? PersistentMountJson, bool StartSsh, bool StartJupyter, List<string> AllowedCudaVersions, bool Serverless);

/// <summary>
/// Extension point for the templates area (not in the core). Returns null for an unknown or
/// inaccessible template, which pod routes answer with 404.
/// </summary>
internal interface ITemplateSource
{
    TemplateSettings? Find(State.StateTransaction tx, string account, string templateId);
}

/// <summary>Extension point for network volumes: the data center a volume lives in, or null if the caller has no such volume.</summary>
internal interface INetworkVolumeSource
{
    string? DataCenterOf(State.StateTransaction tx, string account, string volumeId);
}
