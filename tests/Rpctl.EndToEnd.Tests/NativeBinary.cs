using System.Diagnostics;
using TestSupport;
using Xunit;

namespace Rpctl.EndToEnd.Tests;

/// <summary>
/// Runs the published NativeAOT binary as a real process. The binary comes from RPCTL_BINARY
/// (test.sh sets it after ./build.sh) or artifacts/rpctl; without one the tests skip, saying why.
/// </summary>
internal sealed class NativeBinary : IDisposable
{
    private NativeBinary(string path)
    {
        Path = path;
        Home = Directory.CreateTempSubdirectory("rpctl-e2e-").FullName;
    }

    public string Path { get; }
    public string Home { get; }

    public static NativeBinary Require()
    {
        var path = System.Environment.GetEnvironmentVariable("RPCTL_BINARY") ?? FindArtifact();
        if (path is null || !File.Exists(path))
            Assert.Skip("NativeAOT binary not found: run ./build.sh (or set RPCTL_BINARY) to run the end-to-end tests");
        return new NativeBinary(path);
    }

    private static string? FindArtifact()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "artifacts", "rpctl");
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    public ProcessStartInfo StartInfo(IDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        // A clean environment: only what the test gives, plus PATH and a private HOME.
        info.Environment.Clear();
        info.Environment["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        info.Environment["HOME"] = Home;
        info.Environment["XDG_DATA_HOME"] = System.IO.Path.Combine(Home, "data");
        info.Environment["XDG_CONFIG_HOME"] = System.IO.Path.Combine(Home, "config");
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
            info.Environment[k] = v;
        return info;
    }

    public async Task<CliResult> RunAsync(IDictionary<string, string>? env, params string[] args)
    {
        using var process = Process.Start(StartInfo(env, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
