using System.Diagnostics;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>
/// The npm package `runpod-sdk`, unchanged, against the emulator (tests/js-sdk): run, runSync,
/// status, stream, cancel, purgeQueue and health. Skipped, visibly, only where Node is missing.
/// </summary>
public sealed class JsSdkCompatibilityTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Runpod_sdk_works_unchanged_against_the_emulator()
    {
        var node = FindOnPath("node");
        var npm = FindOnPath("npm");
        if (node is null || npm is null)
            Assert.Skip("node or npm not found on PATH: the runpod-sdk (JavaScript) compatibility test needs Node 20+");

        var dir = FindTestDirectory();
        // Workers start at once so the SDK calls are quick; timing itself is tested with the clock.
        await emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":0,"startingDelaySeconds":0}""");

        var install = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], dir, []);
        Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.Output}");

        var test = await RunAsync(node, ["--test", "sdk.test.js"], dir, new()
        {
            ["RUNPOD_EMULATOR_URL"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["RUNPOD_API_KEY"] = EmulatorFixture.NewApiKey(),
        });
        Assert.True(test.ExitCode == 0, $"node --test failed:\n{test.Output}");
        Assert.Contains("# fail 0", test.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string dir, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var (k, v) in env)
            start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within 5 minutes");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static string FindTestDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "js-sdk");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
        }
        throw new DirectoryNotFoundException("tests/js-sdk not found above " + AppContext.BaseDirectory);
    }
}
