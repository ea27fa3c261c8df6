namespace RunPod.Api.Http;

/// <summary>
/// One gate shared by every request of a client (and so by every worker of a bulk operation). It
/// reads RunPod's <c>RateLimit</c> header on each answer and keeps a budget for the tightest window:
/// once the budget is spent (<c>r=0</c>), every request waits for that window's reset instead of
/// collecting 429s. A <c>Retry-After</c> on a 429/503 holds everyone too. It never retries:
/// <see cref="ResilienceHandler"/> (outside this gate) owns retries, and each of its attempts passes
/// through here, so a retry also waits for the window.
/// </summary>
internal sealed class RateLimitGate(TimeSpan maxHold, Action<string>? trace) : DelegatingHandler
{
    // Two windows whose resets differ by less than this are the same window seen at different moments.
    private static readonly TimeSpan SameWindow = TimeSpan.FromSeconds(2);

    private readonly object _lock = new();
    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;
    private int? _budget;
    private DateTimeOffset _budgetResetsAt = DateTimeOffset.MinValue;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (NextWait() is { } wait)
        {
            trace?.Invoke($"rate limit: holding requests for {wait.TotalSeconds:0.#} s until the window resets");
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Observe(response);
        return response;
    }

    /// <summary>How long this request must wait, or null when it may go now (its unit of budget is then taken).</summary>
    private TimeSpan? NextWait()
    {
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            if (now >= _budgetResetsAt)
                _budget = null; // a new window: unknown until the next answer says
            var until = _heldUntil > now ? _heldUntil : _budget is <= 0 ? _budgetResetsAt : now;
            // A wait longer than we are willing to hold (an hour or day window) is left to the server:
            // its 429 reaches the retry policy and, in the end, the user as "rate limited".
            if (until > now && until - now <= maxHold)
                return until - now;
            if (_budget is { } budget)
                _budget = budget - 1;
            return null;
        }
    }

    private void Observe(HttpResponseMessage response)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            if (response.Headers.TryGetValues("RateLimit", out var values)
                && RateLimitHeader.Parse(string.Join(",", values)) is { Count: > 0 } windows)
            {
                var tightest = windows.OrderBy(w => w.Remaining).ThenByDescending(w => w.ResetSeconds).First();
                var resetsAt = now + TimeSpan.FromSeconds(tightest.ResetSeconds);
                if (_budget is null || resetsAt - _budgetResetsAt > SameWindow)
                {
                    _budget = tightest.Remaining;
                    _budgetResetsAt = resetsAt;
                }
                else
                {
                    // Answers arrive out of order: the lowest count the server reported wins.
                    _budget = Math.Min(_budget.Value, tightest.Remaining);
                }
            }

            var status = (int)response.StatusCode;
            if (status is 429 or 503 && RetryPolicy.ServerRequestedDelay(response) is { } delay && now + delay > _heldUntil)
                _heldUntil = now + delay;
        }
    }
}
