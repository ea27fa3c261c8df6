using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>The effective settings of one run, after flags, environment and defaults are applied.</summary>
internal sealed record Settings(
    bool Local,
    Uri? ApiOrigin,
    string? ApiKey,
    string ApiKeySource,
    OutputFormat Output,
    bool Debug,
    NetworkSettings Network);

/// <summary>Retry policy and time limits (flag, then environment, then default).</summary>
internal sealed record NetworkSettings(int Retries, TimeSpan RetryBudget, TimeSpan RequestTimeout, TimeSpan? Deadline, TimeSpan RetryBaseDelay)
{
    public static readonly NetworkSettings Default = new(4, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(60), null, TimeSpan.FromMilliseconds(500));
}
