namespace RunPod.Api.Http;

/// <summary>Per-request flags carried through the handler chain.</summary>
internal static class RequestOptionsKeys
{
    public static readonly HttpRequestOptionsKey<bool> CreatesResource = new("rpctl.createsResource");
}
