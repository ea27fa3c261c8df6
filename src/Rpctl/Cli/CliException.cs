namespace Rpctl.Cli;

/// <summary>
/// A failure rpctl itself detected, with the exit code it maps to. <see cref="ResourceId"/> names a
/// resource that exists (and may be billing) despite the failure.
/// </summary>
public sealed class CliException(int exitCode, string message, string? resourceId = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
    public string? ResourceId { get; } = resourceId;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    /// <summary>A bad value for a flag: names the flag and what is valid.</summary>
    public static CliException BadValue(string flag, string value, string valid) =>
        new(ExitCodes.Usage, $"invalid value '{value}' for {flag}: {valid}");

    public static CliException NotFound(string message) => new(ExitCodes.NotFound, message);
    public static CliException Conflict(string message, string? id = null) => new(ExitCodes.Conflict, message, id);
    public static CliException WaitFailed(string message, string? id = null) => new(ExitCodes.WaitFailed, message, id);
}
