namespace Rpctl.Cli;

/// <summary>
/// Everything a run of rpctl reads from or writes to the outside world. Tests pass their own
/// writers and environment; nothing in the CLI touches <see cref="Console"/> directly.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Err { get; init; }
    public TextReader In { get; init; } = TextReader.Null;
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public bool StdinIsTerminal { get; init; }
    public bool StdoutIsTerminal { get; init; }
    public bool StderrIsTerminal { get; init; }
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Reads one line from the terminal without echoing it (passwords); null falls back to <see cref="In"/>.</summary>
    public Func<string?>? ReadHiddenLine { get; init; }

    public string? Env(string name) => Environment.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string HomeDirectory => Env("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

    /// <summary>$XDG_CONFIG_HOME/rpctl, else ~/.config/rpctl.</summary>
    public string ConfigDirectory => Path.Combine(Env("XDG_CONFIG_HOME") ?? Path.Combine(HomeDirectory, ".config"), "rpctl");

    /// <summary>$XDG_DATA_HOME/rpctl, else ~/.local/share/rpctl.</summary>
    public string DataDirectory => Path.Combine(Env("XDG_DATA_HOME") ?? Path.Combine(HomeDirectory, ".local", "share"), "rpctl");

    private static FileStream RawDescriptor(int fd) =>
        new(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 1);

    public static CliContext FromProcess()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
            env[(string)e.Key] = (string?)e.Value ?? "";
        // A 64 KiB buffer: a 10,000-row table is a few dozen writes, not thousands.
        // Raw file descriptors, not Console.OpenStandardOutput: on a terminal, .NET's console stream
        // switches the terminal to keypad mode (ESC[?1h ESC=) and leaves it there after we exit.
        var stdout = new StreamWriter(RawDescriptor(1), new System.Text.UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        var stderr = new StreamWriter(RawDescriptor(2), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliContext
        {
            Out = stdout,
            Err = stderr,
            In = new LazyStdinReader(),
            Environment = env,
            StdinIsTerminal = !Console.IsInputRedirected,
            StdoutIsTerminal = !Console.IsOutputRedirected,
            StderrIsTerminal = !Console.IsErrorRedirected,
            ReadHiddenLine = HiddenConsoleInput.ReadLine,
        };
    }
}
