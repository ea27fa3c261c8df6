namespace RunPod.Api;

/// <summary>Where and how the client talks to RunPod.</summary>
public sealed class RunPodClientOptions
{
    /// <summary>RunPod's production origin for REST v2 and GraphQL.</summary>
    public static readonly Uri DefaultApiOrigin = new("https://api.runpod.io");

    /// <summary>RunPod's production origin for the serverless runtime API.</summary>
    public static readonly Uri DefaultRuntimeOrigin = new("https://api.runpod.ai");

    /// <summary>Origin of REST v2 (paths start with <c>/v2/</c>).</summary>
    public Uri RestOrigin { get; set; } = DefaultApiOrigin;

    /// <summary>Full URL of the GraphQL endpoint.</summary>
    public Uri GraphQlUrl { get; set; } = new(DefaultApiOrigin, "/graphql");

    /// <summary>Origin of the serverless runtime API (<c>/v2/{endpointId}/run</c> ...).</summary>
    public Uri RuntimeOrigin { get; set; } = DefaultRuntimeOrigin;

    /// <summary>API key sent as a bearer token. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>User agent, e.g. <c>rpctl/0.1.0 (linux; x64)</c>.</summary>
    public string UserAgent { get; set; } = "runpod-dotnet";

    /// <summary>Receives one line per HTTP exchange and retry when tracing is on. The key is already redacted.</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>Retry policy for transient failures.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>Timeout of a single HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Points every API surface at one origin, as the emulator serves them all.</summary>
    public void UseSingleOrigin(Uri origin)
    {
        var root = new Uri(origin.GetLeftPart(UriPartial.Authority));
        RestOrigin = root;
        RuntimeOrigin = root;
        GraphQlUrl = new Uri(root, "/graphql");
    }
}

/// <summary>How transient failures are retried.</summary>
public sealed class RetrySettings
{
    /// <summary>Retries after the first attempt (0 disables retrying).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; doubles with jitter on each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff wait (a server's Retry-After is honoured in full, within <see cref="Budget"/>).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Total time one request may spend retrying. A retry whose wait would overrun it is not made,
    /// so a long Retry-After fails fast with the server's answer instead of hanging.
    /// </summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Longest time the shared rate-limit gate holds all requests for an exhausted window (a minute
    /// window resets within 60 s); a longer reset (hour, day) is left to the server's 429.
    /// </summary>
    public TimeSpan MaxRateLimitHold { get; set; } = TimeSpan.FromSeconds(65);
}
