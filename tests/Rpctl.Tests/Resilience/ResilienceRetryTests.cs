using System.Diagnostics;
using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>The retry policy's knobs (flags and environment), time limits, and repeat-safe stop/delete.</summary>
public sealed class ResilienceRetryTests(EmulatorFixture emulator) : FaultTestBase(emulator)
{
    [Fact]
    public async Task Transient_failures_are_retried_and_shown_with_debug()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":502,"count":1}""");
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":408,"count":1}""");
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","drop":"before","count":1}""");

        var result = await Cli.RunAsync("pod", "list", "--debug");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, await CountAsync("GET", "/v2/pods"));
        Assert.Contains("after HTTP 502", result.Stderr);
        Assert.Contains("after HTTP 408", result.Stderr);
        Assert.Contains("retry: attempt 4 of 5", result.Stderr);
    }

    [Fact]
    public async Task Retries_flag_and_environment_set_the_number_of_attempts()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":503}""");

        AssertOneLineError(await Cli.RunAsync("pod", "list", "--retries", "0"), 1, "HTTP 503");
        Assert.Equal(1, await CountAsync("GET", "/v2/pods"));

        Cli.Environment["RPCTL_RETRIES"] = "2";
        AssertOneLineError(await Cli.RunAsync("pod", "list"), 1, "HTTP 503");
        Assert.Equal(4, await CountAsync("GET", "/v2/pods"));

        AssertOneLineError(await Cli.RunAsync("pod", "list", "--retries", "1"), 1, "HTTP 503"); // the flag beats the environment
        Assert.Equal(6, await CountAsync("GET", "/v2/pods"));
    }

    [Theory]
    [InlineData("--retries", "many")]
    [InlineData("--retries", "-1")]
    [InlineData("--retries", "99")]
    [InlineData("--retry-budget", "soon")]
    [InlineData("--request-timeout", "0")]
    [InlineData("--request-timeout", "-5s")]
    [InlineData("--deadline", "tomorrow")]
    public async Task Bad_values_for_the_knobs_exit_2_naming_the_flag(string flag, string value)
    {
        var result = await Cli.RunAsync("pod", "list", flag, value);
        AssertUsageError(result, flag);
        Assert.Equal(0, await CountAsync("GET", "/v2/pods"));
    }

    [Theory]
    [InlineData("RPCTL_RETRIES", "lots")]
    [InlineData("RPCTL_RETRY_BUDGET", "1 minute")]
    [InlineData("RPCTL_REQUEST_TIMEOUT", "0s")]
    [InlineData("RPCTL_DEADLINE", "x")]
    public async Task Bad_environment_values_exit_2_naming_the_variable(string variable, string value)
    {
        Cli.Environment[variable] = value;
        AssertUsageError(await Cli.RunAsync("pod", "list"), variable);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_budget_fails_fast_as_rate_limited()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":429,"retryAfter":30}""");
        var watch = Stopwatch.StartNew();

        var result = await Cli.RunAsync("pod", "list", "--retry-budget", "2s", "--debug");

        Assert.True(result.ExitCode == 6, result.ToString()); // (--debug adds the stack trace, so not "one line")
        Assert.Contains("error: rate limited", result.Stderr);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
        Assert.Contains("retry budget of 2 s is spent (the server asks to wait 30 s)", result.Stderr);
        Assert.Equal(1, await CountAsync("GET", "/v2/pods"));
    }

    [Fact]
    public async Task Retry_after_within_the_budget_is_honoured()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":429,"retryAfter":1,"count":1}""");
        var watch = Stopwatch.StartNew();

        var result = await Cli.RunAsync("pod", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), watch.Elapsed.ToString());
        Assert.Equal(2, await CountAsync("GET", "/v2/pods"));
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_request_and_is_retried()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","latencyMs":3000,"count":1}""");

        var result = await Cli.RunAsync("pod", "list", "--request-timeout", "300ms", "--debug");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no answer within 300 ms (--request-timeout)", result.Stderr);
    }

    [Fact]
    public async Task The_deadline_stops_the_whole_command_with_exit_7()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","latencyMs":5000}""");
        var watch = Stopwatch.StartNew();

        var result = await Cli.RunAsync("pod", "list", "--deadline", "700ms");

        AssertOneLineError(result, 7, "deadline of 1s exceeded (--deadline)");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Stop_and_delete_whose_answer_was_lost_still_succeed_once()
    {
        var id = await CreatePodAsync();
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods/*/action","drop":"after","count":1}""");
        var stop = await Cli.RunAsync("pod", "stop", id, "-o", "json");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal(2, await CountAsync("POST", $"/v2/pods/{id}/action"));

        await AddFaultAsync("""{"method":"DELETE","path":"/v2/pods/*","drop":"after","count":1}""");
        var delete = await Cli.RunAsync("pod", "delete", id, "--yes");
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Empty(await PodsInEmulatorAsync());

        // Deleting it again is done, since rpctl remembers deleting it; elsewhere (no such memory) it is "not found".
        var again = await Cli.RunAsync("pod", "delete", id, "--yes");
        Assert.True(again.ExitCode == 0 && again.Stdout.Contains("already deleted", StringComparison.Ordinal), again.ToString());
        using var elsewhere = new TestSupport.CliRunner(Emulator.BaseAddress, ApiKey);
        AssertOneLineError(await elsewhere.RunAsync("pod", "delete", id, "--yes"), 3, $"pod '{id}' not found");
    }
}
