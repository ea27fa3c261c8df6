using System.CommandLine;

namespace Rpctl.Cli;

/// <summary>Options many commands share, defined once so their names and help never drift.</summary>
internal static class SharedOptions
{
    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public static Option<bool> DryRun() => new("--dry-run") { Description = "Print the exact request and send nothing (needs no key)" };

    public static Option<bool> Wait(string what) => new("--wait") { Description = $"Wait until {what}" };

    public static Option<TimeSpan?> Timeout(string @default) =>
        ValidatedOptions.Duration("--timeout", $"How long to wait: 90s, 5m, 1h or seconds (default {@default})");

    public static Option<TimeSpan?> Interval(string @default) =>
        ValidatedOptions.Duration("--interval", $"Time between status checks (default {@default})", mustBePositive: true);

    public static Option<bool> ShowSecrets() => new("--show-secrets") { Description = "Show env values that look like secrets instead of masking them" };
}
