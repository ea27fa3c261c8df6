using System.Net;
using Polly;
using Polly.Retry;

namespace RunPod.Api.Http;

/// <summary>
/// Retries transient failures with Polly: 429 after the server's delay, 408/500/502/503/504 and
/// connection failures with exponential backoff and jitter. A request that creates a resource is
/// re-sent only when it certainly did not reach the server, so a retry can never duplicate a pod.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _safePipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _createPipeline;
    private readonly TimeSpan _attemptTimeout;

    public ResilienceHandler(RetrySettings settings, TimeSpan attemptTimeout, Action<string>? trace)
    {
        _attemptTimeout = attemptTimeout;
        _safePipeline = Build(settings, trace, RetryPolicy.ShouldRetryIdempotent);
        _createPipeline = Build(settings, trace, RetryPolicy.ShouldRetryCreate);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var creates = request.Options.TryGetValue(RequestOptionsKeys.CreatesResource, out var c) && c;
        var pipeline = creates ? _createPipeline : _safePipeline;
        return await pipeline.ExecuteAsync(
            async token => await SendAttemptAsync(request, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken token)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
        attempt.CancelAfter(_attemptTimeout);
        try
        {
            return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // Our own per-attempt timer fired, not the user's Ctrl-C: the request may have been processed.
            throw new TimeoutException($"no answer within {_attemptTimeout.TotalSeconds:0.#} s");
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(
        RetrySettings settings, Action<string>? trace, Func<Outcome<HttpResponseMessage>, bool> shouldRetry)
    {
        if (settings.MaxRetries <= 0)
            return ResiliencePipeline<HttpResponseMessage>.Empty;

        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
                DelayGenerator = args =>
                {
                    var serverDelay = args.Outcome.Result is { } response ? RetryPolicy.ServerRequestedDelay(response) : null;
                    return ValueTask.FromResult(serverDelay is { } d ? (TimeSpan?)Min(d, settings.MaxDelay) : null);
                },
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name;
                    trace?.Invoke($"retry: attempt {args.AttemptNumber + 2} in {args.RetryDelay.TotalMilliseconds:0} ms after {why}");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>Which outcomes are worth another attempt, and how long the server asked us to wait.</summary>
internal static class RetryPolicy
{
    public static bool ShouldRetryIdempotent(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } ex)
            return ex is HttpRequestException or TimeoutException;
        var status = (int)outcome.Result!.StatusCode;
        return status is 408 or 429 or 500 or 502 or 503 or 504;
    }

    /// <summary>
    /// For creates: only failures that prove the server did not act. 429 is answered by the rate
    /// limiter before the request is processed, and 503 means the service did not take it; a refused
    /// connection never carried the request.
    /// </summary>
    public static bool ShouldRetryCreate(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } ex)
            return CertainlyNotSent(ex);
        var status = outcome.Result!.StatusCode;
        return status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
    }

    public static bool CertainlyNotSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>
    /// The wait the server asked for: <c>Retry-After</c>, or the longest reset among exhausted
    /// <c>RateLimit</c> windows, whichever is larger.
    /// </summary>
    public static TimeSpan? ServerRequestedDelay(HttpResponseMessage response)
    {
        TimeSpan? delay = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
                delay = delta;
            else if (retryAfter.Date is { } date)
                delay = date - DateTimeOffset.UtcNow;
        }

        if (response.Headers.TryGetValues("RateLimit", out var values))
        {
            var exhausted = RateLimitHeader.LongestExhaustedReset(string.Join(",", values));
            if (exhausted is { } reset && (delay is null || reset > delay))
                delay = reset;
        }

        return delay is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
