using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace TestSupport;

/// <summary>What a user sees after running a command: exit code, stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("stdout was JSON null");

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the real rpctl entry point in-process against an emulator over loopback HTTP, with its own
/// HOME and XDG directories so no test reads or writes the developer's files.
/// </summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner(Uri? emulator, string? apiKey = null)
    {
        Home = Directory.CreateTempSubdirectory("rpctl-test-").FullName;
        Environment = new Dictionary<string, string>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(Home, ".local", "share"),
        };
        if (emulator is not null)
            Environment["RUNPOD_API_URL"] = emulator.ToString().TrimEnd('/');
        if (apiKey is not null)
            Environment["RUNPOD_API_KEY"] = apiKey;
    }

    public string Home { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>Pretend stdin is a terminal (for prompts); tests default to a script-like, non-interactive run.</summary>
    public bool Interactive { get; set; }

    public string Stdin { get; set; } = "";

    /// <summary>Pretend stdout is a terminal (for output that differs on a terminal, e.g. charts).</summary>
    public bool StdoutIsTerminal { get; set; }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    /// <summary>Runs a step a test relies on; a non-zero exit fails the test with the full output.</summary>
    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"rpctl {string.Join(' ', args)} failed:\n{result}");
        return result;
    }

    public async Task<CliResult> RunAsync(CancellationToken ct, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = stdout,
            Err = stderr,
            In = new StringReader(Stdin),
            Environment = new Dictionary<string, string>(Environment),
            StdinIsTerminal = Interactive,
            StdoutIsTerminal = StdoutIsTerminal,
            StderrIsTerminal = false,
            WorkingDirectory = Home,
        };
        var code = await CliApp.RunAsync(args, context, ct);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finished run is harmless in a temp directory.
        }
    }
}
