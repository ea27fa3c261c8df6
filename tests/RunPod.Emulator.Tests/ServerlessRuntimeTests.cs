using System.Diagnostics;
using System.Net;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>
/// The serverless runtime API: job lifecycle on the emulator clock (worker cold start = the pod
/// provisioning + starting delays, 3 s by default), the simulated handler, timers and plain-JSON errors.
/// </summary>
public sealed class ServerlessRuntimeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ServerlessApi _api = new(emulator);

    [Fact]
    public async Task A_job_waits_for_a_cold_worker_runs_for_its_sleep_and_completes_with_the_echoed_input()
    {
        var ep = await _api.CreateEndpointAsync();
        var job = await _api.RunAsync(ep, """{"prompt":"hi","sleep":5}""");
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-u1$", job);
        Assert.Equal("IN_QUEUE", await _api.StatusOfAsync(ep, job));
        Assert.Equal(1, (await _api.HealthAsync(ep))["workers"]!["initializing"]!.GetValue<int>());

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var running = await _api.StatusAsync(ep, job);
        Assert.Equal("IN_PROGRESS", running["status"]!.GetValue<string>());
        Assert.InRange(running["delayTime"]!.GetValue<long>(), 2900, 3100);
        Assert.NotNull(running["workerId"]);

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        var done = await _api.StatusAsync(ep, job);
        Assert.Equal("COMPLETED", done["status"]!.GetValue<string>());
        Assert.Equal("""{"prompt":"hi","sleep":5}""", done["output"]!.ToJsonString());
        Assert.Equal(5000, done["executionTime"]!.GetValue<long>());
        var health = await _api.HealthAsync(ep);
        Assert.Equal(1, health["jobs"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, health["workers"]!["idle"]!.GetValue<int>());

        // Idle workers scale down to workers.min after the idle timeout (10 s).
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(11));
        Assert.Equal(0, (await _api.HealthAsync(ep))["workers"]!["idle"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fail_and_output_keys_choose_the_outcome_and_execution_timeout_gives_TIMED_OUT()
    {
        var ep = await _api.CreateEndpointAsync(3, 3);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var failed = await _api.RunAsync(ep, """{"fail":"bad prompt"}""");
        var output = await _api.RunAsync(ep, """{"output":[1,2],"x":1}""");
        var slow = await _api.RunAsync(ep, """{"sleep":30}""", ""","policy":{"executionTimeout":5000}""");
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(6));

        var f = await _api.StatusAsync(ep, failed);
        Assert.Equal("FAILED", f["status"]!.GetValue<string>());
        Assert.Equal("bad prompt", f["error"]!.GetValue<string>());
        Assert.Equal("[1,2]", (await _api.StatusAsync(ep, output))["output"]!.ToJsonString());
        var t = await _api.StatusAsync(ep, slow);
        Assert.Equal("TIMED_OUT", t["status"]!.GetValue<string>());
        Assert.Equal(5000, t["executionTime"]!.GetValue<long>());
    }

    [Fact]
    public async Task Retry_works_only_from_FAILED_or_TIMED_OUT_and_keeps_the_id()
    {
        var ep = await _api.CreateEndpointAsync(1, 1);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var failed = await _api.RunAsync(ep, """{"fail":"x"}""");
        var ok = await _api.RunAsync(ep, "{}");
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(1));

        var refused = await _api.PostAsync($"/v2/{ep}/retry/{ok}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("application/json", refused.ContentType);
        Assert.Contains("only FAILED or TIMED_OUT", refused.Json!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        var retried = await _api.PostAsync($"/v2/{ep}/retry/{failed}");
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.Equal($$"""{"id":"{{failed}}","status":"IN_QUEUE"}""", retried.Json!.ToJsonString());
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("FAILED", await _api.StatusOfAsync(ep, failed));
        Assert.Equal(1, (await _api.HealthAsync(ep))["jobs"]!["retried"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancel_ends_queued_and_running_jobs_and_purge_removes_only_queued_ones()
    {
        var ep = await _api.CreateEndpointAsync(1, 1);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var running = await _api.RunAsync(ep, """{"sleep":100}""");
        var queued1 = await _api.RunAsync(ep, "{}");
        var queued2 = await _api.RunAsync(ep, "{}");
        var queued3 = await _api.RunAsync(ep, "{}");
        Assert.Equal("IN_PROGRESS", await _api.StatusOfAsync(ep, running));

        var cancelled = await _api.PostAsync($"/v2/{ep}/cancel/{queued3}");
        Assert.Equal($$"""{"id":"{{queued3}}","status":"CANCELLED"}""", cancelled.Json!.ToJsonString());

        var purge = await _api.PostAsync($"/v2/{ep}/purge-queue");
        Assert.Equal("""{"removed":2,"status":"completed"}""", purge.Json!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/{ep}/status/{queued1}")).Status);
        Assert.Equal("IN_PROGRESS", await _api.StatusOfAsync(ep, running));
        Assert.Equal("CANCELLED", await _api.StatusOfAsync(ep, queued3));
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/{ep}/status/{queued2}")).Status);

        Assert.Equal("CANCELLED", (await _api.PostAsync($"/v2/{ep}/cancel/{running}")).Json!["status"]!.GetValue<string>());
        Assert.Equal(1, (await _api.HealthAsync(ep))["workers"]!["idle"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stream_drains_chunks_in_order_one_per_second_and_ends_empty()
    {
        var ep = await _api.CreateEndpointAsync(1, 1);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var job = await _api.RunAsync(ep, """{"stream":["a","b","c"]}""");
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(2.5));
        var first = await ApiCall.Get(_api.Client, $"/v2/{ep}/stream/{job}?wait=1000");
        Assert.Equal("""{"status":"IN_PROGRESS","stream":[{"output":"a"},{"output":"b"}]}""", first.Json!.ToJsonString());

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        var second = await ApiCall.Get(_api.Client, $"/v2/{ep}/stream/{job}?wait=1000");
        Assert.Equal("""{"status":"COMPLETED","stream":[{"output":"c"}]}""", second.Json!.ToJsonString());
        var third = await ApiCall.Get(_api.Client, $"/v2/{ep}/stream/{job}?wait=1000");
        Assert.Equal("""{"status":"COMPLETED","stream":[]}""", third.Json!.ToJsonString());
        Assert.Equal("""["a","b","c"]""", (await _api.StatusAsync(ep, job))["output"]!.ToJsonString());
    }

    [Fact]
    public async Task Runsync_holds_up_to_wait_then_answers_200_with_the_unfinished_job()
    {
        var ep = await _api.CreateEndpointAsync(1, 1);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var clock = Stopwatch.StartNew();
        var done = await ApiCall.Post(_api.Client, $"/v2/{ep}/runsync?wait=5000", """{"input":{"sleep":0.3}}""");
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4));
        Assert.Equal("COMPLETED", done.Json!["status"]!.GetValue<string>());
        Assert.StartsWith("sync-", done.Json!["id"]!.GetValue<string>(), StringComparison.Ordinal);

        clock.Restart();
        var unfinished = await ApiCall.Post(_api.Client, $"/v2/{ep}/runsync?wait=1000", """{"input":{"sleep":60}}""");
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, unfinished.Status);
        Assert.Equal("IN_PROGRESS", unfinished.Json!["status"]!.GetValue<string>());

        var statusSync = await ApiCall.Get(_api.Client, $"/v2/{ep}/status-sync/{unfinished.Json!["id"]}?wait=1000");
        Assert.Equal("IN_PROGRESS", statusSync.Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Results_are_kept_30_minutes_after_run_and_1_minute_after_runsync_then_404()
    {
        var ep = await _api.CreateEndpointAsync(1, 1);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        var run = await _api.RunAsync(ep, "{}");
        var sync = (await ApiCall.Post(_api.Client, $"/v2/{ep}/runsync", """{"input":{}}""")).Json!["id"]!.GetValue<string>();
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/{ep}/status/{sync}")).Status);
        Assert.Equal("COMPLETED", await _api.StatusOfAsync(ep, run));
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(30));
        var gone = await ApiCall.Get(_api.Client, $"/v2/{ep}/status/{run}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("""{"error":"request does not exist"}""", gone.Body);
    }

    [Fact]
    public async Task Ttl_deletes_even_a_queued_job_and_low_priority_jobs_do_not_start_workers()
    {
        var ep = await _api.CreateEndpointAsync();
        var job = await _api.RunAsync(ep, "{}", ""","policy":{"ttl":10000,"lowPriority":true}""");
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("IN_QUEUE", await _api.StatusOfAsync(ep, job));
        Assert.Equal(0, (await _api.HealthAsync(ep))["workers"]!["initializing"]!.GetValue<int>());
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_api.Client, $"/v2/{ep}/status/{job}")).Status);
    }

    [Theory]
    [InlineData("""{"input":{},"policy":{"ttl":5}}""", "policy.ttl")]
    [InlineData("""{"input":{},"policy":{"executionTimeout":1000}}""", "policy.executionTimeout")]
    [InlineData("""{"input":{},"webhook":"not a url"}""", "webhook")]
    [InlineData("""{"prompt":"no input"}""", "'input'")]
    public async Task Bad_submissions_are_400_with_a_plain_json_error(string body, string mentions)
    {
        var ep = await _api.CreateEndpointAsync();
        var call = await ApiCall.Post(_api.Client, $"/v2/{ep}/run", body);
        Assert.Equal(HttpStatusCode.BadRequest, call.Status);
        Assert.Equal("application/json", call.ContentType);
        Assert.Contains(mentions, call.Json!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_accepts_bearer_or_raw_key_and_answers_401_and_404_as_plain_json()
    {
        var ep = await _api.CreateEndpointAsync();
        using var raw = _api.RawKeyClient();
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Get(raw, $"/v2/{ep}/health")).Status);

        using var anonymous = emulator.Client();
        var missing = await ApiCall.Get(anonymous, $"/v2/{ep}/health");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("""{"error":"missing API key"}""", missing.Body);
        using var bad = emulator.Client("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiCall.Get(bad, $"/v2/{ep}/health")).Status);

        var unknownEndpoint = await ApiCall.Post(_api.Client, "/v2/nosuchendpoint1/run", """{"input":{}}""");
        Assert.Equal(HttpStatusCode.NotFound, unknownEndpoint.Status);
        Assert.Equal("""{"error":"endpoint not found"}""", unknownEndpoint.Body);
        var unknownJob = await ApiCall.Get(_api.Client, $"/v2/{ep}/status/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknownJob.Status);
        Assert.Equal("application/json", unknownJob.ContentType);
    }

    [Fact]
    public async Task Workers_scale_up_with_the_queue_but_never_past_max()
    {
        var ep = await _api.CreateEndpointAsync(0, 2);
        for (var i = 0; i < 5; i++)
            await _api.RunAsync(ep, """{"sleep":10}""");
        var health = await _api.HealthAsync(ep);
        Assert.Equal(2, health["workers"]!["initializing"]!.GetValue<int>());
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(4));
        health = await _api.HealthAsync(ep);
        Assert.Equal(2, health["workers"]!["running"]!.GetValue<int>());
        Assert.Equal(3, health["jobs"]!["inQueue"]!.GetValue<int>());
        Assert.Equal(2, health["jobs"]!["inProgress"]!.GetValue<int>());
    }
}
