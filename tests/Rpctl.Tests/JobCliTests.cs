using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Sending work and following jobs: run, --wait, --sync, stream, job status/output/cancel/retry, purge-queue.</summary>
public sealed class JobCliTests(EmulatorFixture emulator) : EndpointTestBase(emulator)
{
    [Fact]
    public async Task Run_without_wait_prints_the_job_id_or_the_job_object_and_sends_the_policy()
    {
        var id = await CreateEndpointAsync();
        var run = await Cli.RunAsync("endpoint", "run", id, "--input", """{"a":1}""", "--webhook", "https://example.com/hook",
            "--execution-timeout", "30s", "--ttl", "1h", "--low-priority");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^[0-9a-f-]{36}-u1$", run.Stdout.Trim());
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", $"/v2/{id}/run");
        Assert.Equal("""{"input":{"a":1},"webhook":"https://example.com/hook","policy":{"executionTimeout":30000,"ttl":3600000,"lowPriority":true}}""", body.ToJsonString());

        var json = await Cli.RunAsync("endpoint", "run", id, "-o", "json");
        Assert.Equal("IN_QUEUE", json.Json["status"]!.GetValue<string>());
        Assert.Equal("""{"input":{}}""", (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", $"/v2/{id}/run"))[1]["body"]!.ToJsonString());
    }

    [Fact]
    public async Task Input_comes_from_a_file_or_stdin()
    {
        var id = await CreateEndpointAsync();
        await File.WriteAllTextAsync(Path.Combine(Cli.Home, "req.json"), """{"from":"file"}""");
        var file = await Cli.RunAsync("endpoint", "run", id, "--input-file", "req.json", "--wait");
        Assert.True(file.ExitCode == 0, file.ToString());
        Assert.Equal("""{"from":"file"}""", file.Stdout.Trim());

        Cli.Stdin = """{"from":"stdin"}""";
        var stdin = await Cli.RunAsync("endpoint", "run", id, "--input-file", "-", "--wait", "-o", "json");
        Assert.True(stdin.ExitCode == 0, stdin.ToString());
        Assert.Equal("stdin", stdin.Json["output"]!["from"]!.GetValue<string>());
        Assert.Equal("COMPLETED", stdin.Json["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(new[] { "--input", "{not json" }, "--input")]
    [InlineData(new[] { "--input", "{}", "--input-file", "x.json" }, "cannot be used together")]
    [InlineData(new[] { "--input-file", "missing.json" }, "--input-file")]
    [InlineData(new[] { "--webhook", "not-a-url" }, "--webhook")]
    [InlineData(new[] { "--webhook", "ftp://example.com/x" }, "--webhook")]
    [InlineData(new[] { "--ttl", "1s" }, "--ttl")]
    [InlineData(new[] { "--ttl", "8d" }, "--ttl")]
    [InlineData(new[] { "--execution-timeout", "1s" }, "--execution-timeout")]
    [InlineData(new[] { "--execution-timeout", "later" }, "--execution-timeout")]
    [InlineData(new[] { "--timeout", "forever" }, "--timeout")]
    public async Task Wrong_run_values_are_exit_2_and_nothing_is_submitted(string[] args, string mentions)
    {
        var id = await CreateEndpointAsync();
        AssertUsageError(await Cli.RunAsync(["endpoint", "run", id, .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", $"/v2/{id}/run"));
    }

    [Fact]
    public async Task A_failing_job_exits_7_with_its_error_and_sync_uses_runsync()
    {
        var id = await CreateEndpointAsync();
        var failed = await Cli.RunAsync("endpoint", "run", id, "--input", """{"fail":"CUDA out of memory"}""", "--wait");
        Assert.True(failed.ExitCode == 7, failed.ToString());
        Assert.Contains("FAILED: CUDA out of memory", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal("", failed.Stdout);

        var timedOut = await Cli.RunAsync("endpoint", "run", id, "--input", """{"sleep":30}""", "--execution-timeout", "5s", "--sync", "--timeout", "20s");
        Assert.True(timedOut.ExitCode == 7, timedOut.ToString());
        Assert.Contains("TIMED_OUT", timedOut.Stderr, StringComparison.Ordinal);

        var sync = await Cli.RunAsync("endpoint", "run", id, "--input", """{"output":"ok"}""", "--sync", "--timeout", "5s");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal("ok", sync.Stdout.Trim());
        var runsync = await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", $"/v2/{id}/runsync");
        Assert.Equal(2, runsync.Count);
        Assert.Equal("wait=5000", runsync[1]["query"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_gives_up_at_the_timeout_with_exit_7_and_polls_status_not_runsync()
    {
        var id = await CreateEndpointAsync();
        var slow = await Cli.RunAsync("endpoint", "run", id, "--input", """{"sleep":60}""", "--wait", "--timeout", "2s");
        Assert.True(slow.ExitCode == 7, slow.ToString());
        Assert.Contains("timed out", slow.Stderr, StringComparison.Ordinal);
        Assert.Contains("rpctl job status", slow.Stderr, StringComparison.Ordinal);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", $"/v2/{id}/runsync"));
        Assert.True((await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", $"/v2/{id}/status/")).Count >= 2);
    }

    [Fact]
    public async Task Stream_prints_every_chunk_once_in_order_and_json_lines_with_o_json()
    {
        var id = await CreateEndpointAsync();
        var job = await SubmitAsync(id, """{"stream":["Hel","lo"," world"],"sleep":1.5}""");
        var stream = await Cli.RunAsync("endpoint", "stream", id, job);
        Assert.True(stream.ExitCode == 0, stream.ToString());
        Assert.Equal("Hel\nlo\n world\n", stream.Stdout);

        var job2 = await SubmitAsync(id, """{"stream":[{"t":1},{"t":2}],"sleep":0.5}""");
        var json = await Cli.RunAsync("endpoint", "stream", id, job2, "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal("{\"output\":{\"t\":1}}\n{\"output\":{\"t\":2}}\n", json.Stdout);

        var failing = await SubmitAsync(id, """{"stream":["a"],"fail":"broke"}""");
        var failed = await Cli.RunAsync("endpoint", "stream", id, failing);
        Assert.True(failed.ExitCode == 7, failed.ToString());
        Assert.Equal("a\n", failed.Stdout);
        Assert.Contains("broke", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, (await Cli.RunAsync("endpoint", "stream", id, "nosuchjob")).ExitCode);
    }

    [Fact]
    public async Task Job_status_output_cancel_and_the_original_aliases()
    {
        var id = await CreateEndpointAsync();
        var done = await SubmitAsync(id, """{"output":{"answer":42}}""");
        var status = await Cli.RunAsync("job", "status", id, done, "--wait", "-o", "json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("COMPLETED", status.Json["status"]!.GetValue<string>());
        var table = await Cli.RunAsync("job", "status", id, done);
        Assert.Contains("COMPLETED", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("""{"answer":42}""", table.Stdout, StringComparison.Ordinal);
        var alias = await Cli.RunAsync("endpoint", "job-status", id, done, "-o", "json");
        Assert.Equal(done, alias.Json["id"]!.GetValue<string>());

        var output = await Cli.RunAsync("job", "output", id, done);
        Assert.Equal("""{"answer":42}""", output.Stdout.Trim());

        var slow = await SubmitAsync(id, """{"sleep":60}""");
        var notYet = await Cli.RunAsync("job", "output", id, slow);
        Assert.True(notYet.ExitCode == 1, notYet.ToString());
        Assert.Contains("--wait", notYet.Stderr, StringComparison.Ordinal);
        var cancel = await Cli.RunAsync("job", "cancel", id, slow);
        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.Contains("CANCELLED", cancel.Stdout, StringComparison.Ordinal);
        var cancelledOutput = await Cli.RunAsync("job", "output", id, slow);
        Assert.True(cancelledOutput.ExitCode == 7, cancelledOutput.ToString());
        var waitCancelled = await Cli.RunAsync("job", "status", id, slow, "--wait");
        Assert.True(waitCancelled.ExitCode == 7, waitCancelled.ToString());

        var other = await SubmitAsync(id, """{"sleep":60}""");
        var aliasCancel = await Cli.RunAsync("endpoint", "job-cancel", id, other, "-o", "json");
        Assert.Equal("CANCELLED", aliasCancel.Json["status"]!.GetValue<string>());

        Assert.Equal(3, (await Cli.RunAsync("job", "status", id, "nosuchjob")).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("job", "status", "nosuchendpoint", done)).ExitCode);
    }

    [Fact]
    public async Task Retry_only_from_failed_keeps_the_id()
    {
        var id = await CreateEndpointAsync();
        var ok = await SubmitAsync(id, "{}");
        var bad = await SubmitAsync(id, """{"fail":"x"}""");
        await Cli.RunAsync("job", "status", id, ok, "--wait");
        await Cli.RunAsync("job", "status", id, bad, "--wait");

        var refused = await Cli.RunAsync("job", "retry", id, ok);
        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("only FAILED or TIMED_OUT", refused.Stderr, StringComparison.Ordinal);

        var retried = await Cli.RunAsync("job", "retry", id, bad, "-o", "json");
        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal(bad, retried.Json["id"]!.GetValue<string>());
        Assert.Equal("IN_QUEUE", retried.Json["status"]!.GetValue<string>());
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", $"/v2/{id}/retry/{bad}"));
    }

    [Fact]
    public async Task Purge_queue_asks_then_removes_only_queued_jobs()
    {
        var id = await CreateEndpointAsync("--workers-max", "1");
        var running = await SubmitAsync(id, """{"sleep":60}""");
        await Cli.RunAsync("job", "status", id, running);
        await SubmitAsync(id, "{}");
        await SubmitAsync(id, "{}");

        AssertUsageError(await Cli.RunAsync("endpoint", "purge-queue", id), "--yes");
        var purged = await Cli.RunAsync("endpoint", "purge-queue", id, "--yes");
        Assert.True(purged.ExitCode == 0, purged.ToString());
        Assert.Equal($"Removed 2 queued job(s) from endpoint {id}\n", purged.Stdout);
        var json = await Cli.RunAsync("endpoint", "purge-queue", id, "--yes", "-o", "json");
        Assert.Equal(0, json.Json["removed"]!.GetValue<int>());
        var status = await Cli.RunAsync("job", "status", id, running, "-o", "json");
        Assert.Equal("IN_PROGRESS", status.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_of_run_prints_the_runtime_request_and_needs_no_key()
    {
        using var noKey = new CliRunner(Emulator.BaseAddress);
        var dry = await noKey.RunAsync("endpoint", "run", "abc123def456gh", "--input", """{"x":1}""", "--sync", "--timeout", "10s", "--dry-run", "-o", "json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal("runtime", dry.Json["surface"]!.GetValue<string>());
        Assert.EndsWith("/v2/abc123def456gh/runsync?wait=10000", dry.Json["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"input":{"x":1}}""", dry.Json["body"]!.ToJsonString());
    }
}
