using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>
/// A create is never blindly re-sent: after a lost answer rpctl looks for the pod first. Each case
/// asserts what the emulator holds (exactly one pod, or none) and how many creates it received.
/// </summary>
public sealed class ResilienceCreateTests(EmulatorFixture emulator) : FaultTestBase(emulator)
{
    private static readonly string[] Create = ["pod", "create", "--gpu", "4090", "--image", "img:1", "--name", "trainer"];
    private static readonly string[] CreateJson = [.. Create, "-o", "json"];

    [Fact]
    public async Task Connection_dropped_after_the_pod_was_made_finds_it_and_does_not_send_again()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","drop":"after","count":1}""");

        var result = await Cli.RunAsync(CreateJson);

        Assert.True(result.ExitCode == 0, result.ToString());
        var pod = Assert.Single(await PodsInEmulatorAsync());
        Assert.Equal(pod["id"]!.GetValue<string>(), result.Json["id"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync("POST", "/v2/pods"));
        Assert.Contains("checking whether pod 'trainer' was created", result.Stderr);
        Assert.Contains("not sending the request again", result.Stderr);
    }

    [Fact]
    public async Task Connection_dropped_before_processing_looks_then_sends_again_once()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","drop":"before","count":1}""");

        var result = await Cli.RunAsync(Create);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(await PodsInEmulatorAsync());
        Assert.Equal(2, await CountAsync("POST", "/v2/pods"));
        Assert.Contains("sending the create again", result.Stderr);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Server_errors_on_a_create_are_resolved_by_looking_not_by_retrying_blindly(int status)
    {
        await AddFaultAsync($$"""{"method":"POST","path":"/v2/pods","status":{{status}},"count":2}""");

        var result = await Cli.RunAsync(Create);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, await CountAsync("GET", "/v2/pods")); // one look per lost answer
        Assert.Equal(3, await CountAsync("POST", "/v2/pods"));
        Assert.Single(await PodsInEmulatorAsync());
    }

    [Fact]
    public async Task A_namesake_from_before_is_not_mistaken_for_the_new_pod()
    {
        Assert.Equal(0, (await Cli.RunAsync(Create)).ExitCode);
        await Emulator.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","drop":"before","count":1}""");

        var result = await Cli.RunAsync(Create);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, (await PodsInEmulatorAsync()).Count); // the old one and exactly one new one
        Assert.Contains("sending the create again", result.Stderr);
    }

    [Fact]
    public async Task Timeout_on_a_create_never_resends_and_says_how_to_check()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","latencyMs":1500,"count":1}""");

        var result = await Cli.RunAsync([.. Create, "--request-timeout", "300ms"]);

        AssertOneLineError(result, 1, "rpctl pod list --name 'trainer'");
        Assert.Contains("may still be creating it", result.Stderr);
        // The slow create is logged only when the server finishes it, 1.5 s in: wait for that, then count.
        await Task.Delay(2000);
        Assert.Equal(1, await CountAsync("POST", "/v2/pods"));
        Assert.True((await PodsInEmulatorAsync()).Count <= 1);
    }

    [Fact]
    public async Task Rate_limited_and_unavailable_creates_are_retried_because_they_were_not_processed()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","status":429,"retryAfter":0,"count":2}""");
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","status":503,"count":1}""");

        var result = await Cli.RunAsync([.. Create, "--debug"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, await CountAsync("GET", "/v2/pods")); // nothing uncertain, nothing to look up
        Assert.Single(await PodsInEmulatorAsync());
        Assert.Equal(4, await CountAsync("POST", "/v2/pods"));
        Assert.Contains("retry: attempt 2 of 5", result.Stderr);
        Assert.Contains("after HTTP 429", result.Stderr);
        Assert.Contains("after HTTP 503", result.Stderr);
    }

    [Theory]
    [InlineData(400, 2)]
    [InlineData(404, 3)]
    [InlineData(409, 5)]
    [InlineData(422, 2)]
    public async Task Other_4xx_are_never_retried(int status, int exitCode)
    {
        await AddFaultAsync($$"""{"method":"POST","path":"/v2/pods","status":{{status}},"detail":"injected","count":1}""");

        var result = await Cli.RunAsync(Create);

        AssertOneLineError(result, exitCode, "");
        Assert.Equal(1, await CountAsync("POST", "/v2/pods"));
        Assert.Empty(await PodsInEmulatorAsync());
    }

    [Fact]
    public async Task Lost_answers_on_every_attempt_end_with_a_clear_error_and_no_pod()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","drop":"before"}""");

        var result = await Cli.RunAsync([.. Create, "--retries", "2"]);

        AssertOneLineError(result, 1, "no pod named 'trainer' was created; giving up after 3 attempts");
        Assert.Equal(3, await CountAsync("POST", "/v2/pods"));
        Assert.Empty(await PodsInEmulatorAsync());
    }

    [Fact]
    public async Task Spot_create_over_GraphQL_with_a_dropped_answer_is_found_by_name()
    {
        await AddFaultAsync("""{"method":"POST","path":"/graphql","drop":"after","count":1}""");

        var result = await Cli.RunAsync([.. Create, "--spot", "--bid", "0.3"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(await PodsInEmulatorAsync());
        Assert.Equal(1, await CountAsync("POST", "/graphql"));
    }

    [Fact]
    public async Task Ctrl_c_during_the_create_request_exits_130_and_names_what_exists()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","latencyMs":1000,"count":1}""");
        using var cancel = new CancellationTokenSource();
        var run = Cli.RunAsync(cancel.Token, Create);
        // Ctrl-C while the create is in flight: the fault has fired, the answer has not come.
        for (var i = 0; i < 400 && (await FiredAsync())[0] == 0; i++)
            await Task.Delay(10);
        cancel.Cancel();

        var result = await run;

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.StartsWith("error: interrupted", result.Stderr);
        Assert.Contains("no pod named 'trainer' exists yet, but RunPod may still create it: check with 'rpctl pod list --name 'trainer''", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
        await Task.Delay(1200);
        Assert.True((await PodsInEmulatorAsync()).Count <= 1);
        Assert.Equal(1, await CountAsync("POST", "/v2/pods"));
    }
}
