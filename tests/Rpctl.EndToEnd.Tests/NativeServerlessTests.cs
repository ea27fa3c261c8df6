using TestSupport;
using Xunit;

namespace Rpctl.EndToEnd.Tests;

/// <summary>The serverless loop with the NativeAOT binary (trimming/AOT-sensitive JSON paths included).</summary>
public sealed class NativeServerlessTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Create_wait_run_fail_and_stream_work_in_the_native_binary()
    {
        using var rpctl = NativeBinary.Require();
        await emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":0,"startingDelaySeconds":0}""");
        var env = new Dictionary<string, string>
        {
            ["RUNPOD_API_URL"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["RUNPOD_API_KEY"] = EmulatorFixture.NewApiKey(),
        };

        var created = await rpctl.RunAsync(env, "endpoint", "create", "--image", "img:1", "--gpu", "4090", "--workers-min", "1", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();

        var run = await rpctl.RunAsync(env, "endpoint", "run", id, "--input", """{"prompt":"hi"}""", "--wait");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"prompt":"hi"}""", run.Stdout.Trim());

        var failed = await rpctl.RunAsync(env, "endpoint", "run", id, "--input", """{"fail":"boom"}""", "--wait");
        Assert.True(failed.ExitCode == 7, failed.ToString());
        Assert.Contains("FAILED: boom", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Stderr, StringComparison.Ordinal);

        var job = (await rpctl.RunAsync(env, "endpoint", "run", id, "--input", """{"stream":["a","b"],"sleep":0.5}""")).Stdout.Trim();
        var stream = await rpctl.RunAsync(env, "endpoint", "stream", id, job);
        Assert.True(stream.ExitCode == 0, stream.ToString());
        Assert.Equal("a\nb\n", stream.Stdout);

        var status = await rpctl.RunAsync(env, "job", "status", id, job);
        Assert.Contains("COMPLETED", status.Stdout, StringComparison.Ordinal);
        var health = await rpctl.RunAsync(env, "endpoint", "health", id, "-o", "yaml");
        Assert.Contains("completed: 2", health.Stdout, StringComparison.Ordinal);
    }
}
