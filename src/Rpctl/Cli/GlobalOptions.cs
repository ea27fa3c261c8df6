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

    public IEnumerable<Option> All => [Local, ApiUrl, Output, Json, Profile, Debug];
}
