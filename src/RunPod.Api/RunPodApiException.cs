namespace RunPod.Api;

/// <summary>A non-2xx answer from RunPod, parsed from its problem+json (or plain) body.</summary>
public sealed class RunPodApiException : Exception
{
    public RunPodApiException(int status, string title, string detail, IReadOnlyList<string> errors, ApiSurface surface, TimeSpan? retryAfter = null)
        : base(BuildMessage(status, title, detail, errors))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        Surface = surface;
        RetryAfter = retryAfter;
    }

    public int Status { get; }
    public string Title { get; }
    public string Detail { get; }
    public IReadOnlyList<string> Errors { get; }
    public ApiSurface Surface { get; }
    public TimeSpan? RetryAfter { get; }

    /// <summary>Path (and query) of the request that failed, e.g. <c>/v2/pods/abc</c>; set by the transport.</summary>
    public string? RequestPath { get; internal set; }

    /// <summary>
    /// An earlier attempt of this request got no clear answer (timeout, dropped connection, 500/502/504),
    /// so the server may already have done the work: a 404 on a delete or a 409 on a stop can mean "done".
    /// </summary>
    public bool AfterUncertainAttempt { get; internal set; }

    /// <summary>The server may have processed the request before failing (500/502/504, 408).</summary>
    public bool MayHaveBeenProcessed => Status is 408 or 500 or 502 or 504;

    /// <summary>RunPod reports "no capacity" only as a human 400 detail; this recognises its wordings.</summary>
    public bool IsNoCapacity =>
        Status == 400 && (Detail.Contains("no longer any instances available", StringComparison.OrdinalIgnoreCase)
                          || Detail.Contains("no instances available", StringComparison.OrdinalIgnoreCase)
                          || Detail.Contains("not enough free GPUs", StringComparison.OrdinalIgnoreCase)
                          || Detail.Contains("capacity", StringComparison.OrdinalIgnoreCase));

    private static string BuildMessage(int status, string title, string detail, IReadOnlyList<string> errors)
    {
        var text = string.IsNullOrWhiteSpace(detail) ? title : detail;
        if (errors.Count > 0)
            text += ": " + string.Join("; ", errors);
        return $"{text} (HTTP {status})";
    }
}

/// <summary>The request never got an HTTP answer: DNS, refused connection, reset, timeout.</summary>
public sealed class RunPodTransportException : Exception
{
    public RunPodTransportException(string message, bool mayHaveReachedServer, Exception? inner = null)
        : base(message, inner) => MayHaveReachedServer = mayHaveReachedServer;

    /// <summary>False only when the request certainly did not reach the server (e.g. connection refused).</summary>
    public bool MayHaveReachedServer { get; }

    /// <summary>No answer within the per-request timeout: the server may still be working on it.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>GraphQL answered with an <c>errors</c> array.</summary>
public sealed class GraphQlException : Exception
{
    public GraphQlException(string message, string? code, IReadOnlyList<string> path) : base(message)
    {
        Code = code;
        Path = path;
    }

    public string? Code { get; }
    public IReadOnlyList<string> Path { get; }

    public bool IsNoCapacity => Message.Contains("no longer any instances available", StringComparison.OrdinalIgnoreCase)
                                || Message.Contains("not enough free GPUs", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Which of RunPod's three APIs a request goes to.</summary>
public enum ApiSurface
{
    Rest,
    GraphQl,
    Runtime,
}
