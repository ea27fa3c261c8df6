using System.Diagnostics;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>Runs the system <c>ssh</c> (found on the run's PATH) with the terminal inherited, and returns its exit code.</summary>
internal static class SshProcess
{
    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> argv)
    {
        var executable = Find(context, argv[0]) ?? throw new CliException(ExitCodes.Failure,
            "ssh was not found on PATH; install the OpenSSH client, or use --dry-run to print the command");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, WorkingDirectory = context.WorkingDirectory };
        foreach (var arg in argv.Skip(1))
            start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var (key, value) in context.Environment)
            start.Environment[key] = value;

        await context.Out.FlushAsync();
        await context.Err.FlushAsync();
        using var process = Process.Start(start) ?? throw new CliException(ExitCodes.Failure, $"could not start {executable}");
        // Ctrl-C belongs to the ssh session (the terminal delivers it to ssh), so rpctl just waits.
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }

    private static string? Find(CliContext context, string name)
    {
        foreach (var dir in (context.Env("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
                return candidate;
        }

        return null;
    }
}
