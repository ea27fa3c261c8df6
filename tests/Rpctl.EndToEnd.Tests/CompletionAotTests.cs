using System.Diagnostics;
using Xunit;

namespace Rpctl.EndToEnd.Tests;

/// <summary>The [suggest:N] directive and the YAML config round trip work in the NativeAOT binary (RPCTL_BINARY).</summary>
public sealed class CompletionAotTests : IDisposable
{
    private readonly NativeBinary _rpctl = NativeBinary.Require();

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var process = Process.Start(_rpctl.StartInfo(null, args))!;
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

    public void Dispose() => _rpctl.Dispose();
}
