using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Each test gets its own account (API key) on a shared in-memory emulator, so tests never see
/// each other's pods, and a CLI runner whose HOME is a fresh temp directory.
/// </summary>
public abstract class PodTestBase : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    protected PodTestBase(EmulatorFixture emulator)
    {
        Emulator = emulator;
        ApiKey = EmulatorFixture.NewApiKey();
        Cli = new CliRunner(emulator.BaseAddress, ApiKey);
    }

    protected EmulatorFixture Emulator { get; }
    protected string ApiKey { get; }
    protected CliRunner Cli { get; }

    public virtual async ValueTask InitializeAsync() =>
        // Pods become RUNNING at once so --wait tests are quick; lifecycle timing itself is tested with the clock.
        await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":0,"startingDelaySeconds":0}""");

    public ValueTask DisposeAsync()
    {
        Cli.Dispose();
        return ValueTask.CompletedTask;
    }

    protected async Task<string> CreatePodAsync(params string[] extra)
    {
        var result = await Cli.RunAsync(["pod", "create", "--gpu", "RTX 4090", "--image", "runpod/pytorch:2.8.0", "-o", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["id"]!.GetValue<string>();
    }

    protected static void AssertUsageError(CliResult result, string mentions)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(mentions, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
        Assert.Equal("", result.Stdout);
    }
}
