namespace Rpctl.Cli;

/// <summary>rpctl's documented exit codes (README and <c>rpctl help exit-codes</c>).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Auth = 4;
    public const int Conflict = 5;
    public const int RateLimited = 6;
    public const int WaitFailed = 7;
    public const int Interrupted = 130;

    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Success, "success"),
        (Failure, "other failure (server error, network, unexpected)"),
        (Usage, "usage: bad flag, bad value, invalid combination, missing --yes when not interactive"),
        (NotFound, "not found"),
        (Auth, "authentication/authorisation: no key, 401, 403"),
        (Conflict, "conflict or no capacity (409, capacity 400)"),
        (RateLimited, "rate limited after retries"),
        (WaitFailed, "wait timed out or the resource failed, or a serverless job ended FAILED/CANCELLED/TIMED_OUT"),
        (Interrupted, "interrupted (Ctrl-C)"),
    ];
}
