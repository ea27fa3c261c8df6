using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>The effective settings of one run, after flags, environment and defaults are applied.</summary>
internal sealed record Settings(
    bool Local,
    Uri? ApiOrigin,
    string? ApiKey,
    string ApiKeySource,
    OutputFormat Output,
    bool Debug);
