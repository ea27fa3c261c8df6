namespace RunPod.Api.Http;

/// <summary>Per-request flags carried through the handler chain.</summary>
internal static class RequestOptionsKeys
{
    public static readonly HttpRequestOptionsKey<bool> CreatesResource = new("rpctl.createsResource");

    /// <summary>Set when an attempt ended without a clear answer (timeout, dropped connection, 500/502/504): the server may have acted on it.</summary>
    public static readonly HttpRequestOptionsKey<bool> UncertainAttempt = new("rpctl.uncertainAttempt");
}
