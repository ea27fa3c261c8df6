using System.Net;
using Polly;

namespace RunPod.Api.Http;

/// <summary>Which outcomes are worth another attempt, and how long the server asked us to wait.</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// Reads, updates, actions and deletes: 408, 429, 5xx that signal a passing problem, and any
    /// failure to get an answer. Never any other 4xx: repeating a bad request gives the same answer.
    /// </summary>
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
    /// connection never carried the request. Everything else with an unknown outcome is left to the
    /// caller, which checks whether the resource exists before doing anything else.
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

    /// <summary>No answer, but the request may have been sent and processed (timeout, dropped connection).</summary>
    public static bool OutcomeUnknown(Exception ex) =>
        ex is TimeoutException || (ex is HttpRequestException && !CertainlyNotSent(ex));

    /// <summary>Answers after which the server may still have done the work (a gateway gave up, a crash after the write).</summary>
    public static bool MayHaveBeenProcessed(int status) => status is 408 or 500 or 502 or 504;

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
