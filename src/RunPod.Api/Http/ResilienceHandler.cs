using System.Diagnostics;
using Polly;
using Polly.Retry;

namespace RunPod.Api.Http;

/// <summary>
/// Retries transient failures with Polly: 429 after the server's delay, 408/500/502/503/504 and
/// connection failures with exponential backoff and jitter, within a number of attempts and a total
/// time budget. A request that creates a resource is re-sent only when it certainly did not reach
/// the server, so a retry can never duplicate a pod; an attempt whose outcome is unknown is marked
/// on the request (<see cref="RequestOptionsKeys.UncertainAttempt"/>) so callers can tell "already
/// done by the lost attempt" from a real 404/409.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<long> StartedAt = new("rpctl.startedAt");

    private readonly RetrySettings _settings;
    private readonly ResiliencePipeline<HttpResponseMessage> _safePipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _createPipeline;
    private readonly TimeSpan _attemptTimeout;

    public ResilienceHandler(RetrySettings settings, TimeSpan attemptTimeout, Action<string>? trace)
    {
        _settings = settings;
        _attemptTimeout = attemptTimeout;
        _safePipeline = Build(settings, trace, RetryPolicy.ShouldRetryIdempotent);
        _createPipeline = Build(settings, trace, RetryPolicy.ShouldRetryCreate);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var creates = request.Options.TryGetValue(RequestOptionsKeys.CreatesResource, out var c) && c;
        var pipeline = creates ? _createPipeline : _safePipeline;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StartedAt, Stopwatch.GetTimestamp());
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        if (RetryPolicy.OutcomeUnknown(ex))
                            state.Request.Options.Set(RequestOptionsKeys.UncertainAttempt, true);
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken token)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
        attempt.CancelAfter(_attemptTimeout);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // Our own per-attempt timer fired, not the user's Ctrl-C: the request may have been processed.
            throw new TimeoutException($"no answer within {Format(_attemptTimeout)} (--request-timeout)");
        }

        if (RetryPolicy.MayHaveBeenProcessed((int)response.StatusCode))
            request.Options.Set(RequestOptionsKeys.UncertainAttempt, true);
        return response;
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
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome) && WithinBudget(args.Outcome, args.Context, settings, trace)),
                // The server's wait is honoured in full (it is within the budget, see WithinBudget);
                // null falls back to Polly's exponential backoff with jitter.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryPolicy.ServerRequestedDelay(response) : null),
                OnRetry = args =>
                {
                    trace?.Invoke($"retry: attempt {args.AttemptNumber + 2} of {settings.MaxRetries + 1} in {args.RetryDelay.TotalMilliseconds:0} ms after {Describe(args.Outcome)}");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// Stops retrying when the total budget is spent, or when the server asks for a wait that would
    /// overrun it (waiting and then failing anyway helps nobody).
    /// </summary>
    private static bool WithinBudget(Outcome<HttpResponseMessage> outcome, ResilienceContext context, RetrySettings settings, Action<string>? trace)
    {
        var started = context.Properties.GetValue(StartedAt, Stopwatch.GetTimestamp());
        var left = settings.Budget - Stopwatch.GetElapsedTime(started);
        var wait = outcome.Result is { } response ? RetryPolicy.ServerRequestedDelay(response) ?? TimeSpan.Zero : TimeSpan.Zero;
        if (left > wait)
            return true;
        trace?.Invoke($"retry: giving up after {Describe(outcome)}: the retry budget of {Format(settings.Budget)} is spent" +
                      (wait > TimeSpan.Zero ? $" (the server asks to wait {Format(wait)})" : ""));
        return false;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } r
        ? $"HTTP {(int)r.StatusCode}" + (RetryPolicy.ServerRequestedDelay(r) is { } d ? $" (server asks to wait {Format(d)})" : "")
        : outcome.Exception switch
        {
            TimeoutException t => t.Message,
            HttpRequestException h => $"{h.HttpRequestError} ({h.GetType().Name})",
            { } e => e.GetType().Name,
            null => "unknown",
        };

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";
}
