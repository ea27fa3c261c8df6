using System.Diagnostics;
using Xunit;

namespace Rpctl.EndToEnd.Tests;

/// <summary>The [suggest:N] directive and the YAML config round trip work in the NativeAOT binary (RPCTL_BINARY).</summary>
public sealed class CompletionAotTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rpctl-e2e-").FullName;

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        var binary = Environment.GetEnvironmentVariable("RPCTL_BINARY");
        if (string.IsNullOrEmpty(binary) || !File.Exists(binary))
            Assert.Skip("RPCTL_BINARY is not set (run ./test.sh to build the NativeAOT binary)");
        var psi = new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.Environment["HOME"] = _home;
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(_home, ".config");
        psi.Environment.Remove("RUNPOD_API_KEY");
        using var process = Process.Start(psi)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout, stderr);
    }

    [Fact]
    public async Task Suggest_directive_completes_commands_values_and_profiles()
    {
        var (code, stdout, _) = await RunAsync("", "[suggest:4]", "pod ");
        Assert.Equal(0, code);
        Assert.Contains("create", stdout.Split('\n'));

        Assert.Equal(0, (await RunAsync("rpa_e2e_key_123456\n", "config", "init", "--api-key-stdin", "--profile", "e2e", "--set", "output=yaml")).Code);
        var profiles = await RunAsync("", "[suggest:10]", "--profile ");
        Assert.Equal(["e2e"], profiles.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var show = await RunAsync("", "config", "show");
        Assert.Contains("value: yaml", show.Stdout);
        Assert.Contains("rpa_…456", show.Stdout);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
