using System.CommandLine;

namespace Rpctl.Cli;

/// <summary>Options accepted on every command, before or after the subcommand.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Local { get; } = new("--local")
    {
        Description = "Run against the built-in RunPod emulator (state under the user's data directory; no key needed)",
        Recursive = true,
    };

    public Option<string?> ApiUrl { get; } = new("--api-url")
    {
        Description = "Origin of the RunPod APIs, e.g. http://127.0.0.1:8787 (env RUNPOD_API_URL)",
        Recursive = true,
        HelpName = "URL",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table, json, yaml or csv (env RPCTL_OUTPUT)",
        Recursive = true,
        HelpName = "FORMAT",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Configuration profile to use for this run (env RPCTL_PROFILE; default: the active profile)",
        Recursive = true,
        HelpName = "NAME",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Shorthand for --output json",
        Recursive = true,
    };

    public Option<bool> Debug { get; } = new("--debug")
    {
        Description = "Trace HTTP requests and retries on stderr (the API key is never shown), and show stack traces",
        Recursive = true,
    };

    public Option<int?> Retries { get; } = Recursive(ValidatedOptions.Int("--retries",
        "Retries of a failed request (429, 408, 5xx, network) before giving up; 0 disables (default 4; env RPCTL_RETRIES)", 0, 20));

    public Option<TimeSpan?> RetryBudget { get; } = Recursive(ValidatedOptions.Duration("--retry-budget",
        "Longest time one request may spend retrying, e.g. 30s or 2m (default 2m; env RPCTL_RETRY_BUDGET)"));

    public Option<TimeSpan?> RequestTimeout { get; } = Recursive(ValidatedOptions.Duration("--request-timeout",
        "Longest wait for one HTTP answer (default 60s; env RPCTL_REQUEST_TIMEOUT)", mustBePositive: true));

    public Option<TimeSpan?> Deadline { get; } = Recursive(ValidatedOptions.Duration("--deadline",
        "Stop the whole command after this long (exit 7), e.g. 10m (env RPCTL_DEADLINE; default none)", mustBePositive: true));

    public IEnumerable<Option> All => [Local, ApiUrl, Output, Json, Profile, Debug, Retries, RetryBudget, RequestTimeout, Deadline];

    private static Option<T> Recursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
