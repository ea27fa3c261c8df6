using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Fleet operations on 100 pods: every pod reaches the target state exactly once, failures are named, re-runs finish the job.</summary>
public sealed class PodBulkTests(EmulatorFixture emulator) : PodBulkTestBase(emulator)
{
    [Fact]
    public async Task Create_count_100_then_stop_all_stops_every_pod_exactly_once()
    {
        var ids = await CreateFleetAsync("worker", 100);
        Assert.Equal(100, ids.Distinct().Count());
        var names = (await Cli.RunAsync("pod", "list", "-o", "json")).Json.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"worker-{i}").ToHashSet(), names);

        var stop = await Cli.RunAsync("pod", "stop-all", "--yes", "--parallel", "8", "-o", "json");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        var results = stop.Json.AsArray();
        Assert.Equal(100, results.Count);
        Assert.All(results, r =>
        {
            Assert.True(r!["ok"]!.GetValue<bool>());
            Assert.Equal("stop", r["action"]!.GetValue<string>());
            Assert.Null(r["error"]);
        });
        Assert.Equal(ids.ToHashSet(), Ids(stop).ToHashSet());

        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("EXITED", s));
        var stops = await SuccessfulRequestsPerPodAsync("POST", "/action", 200);
        Assert.Equal(ids.ToHashSet(), stops.Keys.ToHashSet());
        Assert.All(stops.Values, n => Assert.Equal(1, n));

        // Nothing left to do: a re-run sends no action at all.
        var again = await Cli.RunAsync("pod", "stop-all", "--yes", "-o", "json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("[]", again.Stdout.Trim());
        Assert.Contains("100 matching pods already stopped", again.Stderr);
        Assert.Equal(100, (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods/")).Count(r => r["path"]!.GetValue<string>().EndsWith("/action", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Injected_failures_give_exit_1_naming_exactly_the_failed_pods_and_a_rerun_finishes()
    {
        var ids = await CreateFleetAsync("batch", 100);
        var broken = ids.Where((_, i) => i % 20 == 7).ToList(); // 5 pods whose stop fails every time (retries included)
        foreach (var id in broken)
            await AddFaultAsync($$"""{"method":"POST","path":"/v2/pods/{{id}}/action","status":500}""");

        var first = await Cli.RunAsync("pod", "stop-all", "--yes", "--parallel", "16", "-o", "json");
        Assert.True(first.ExitCode == 1, first.ToString());
        var failed = Failed(first);
        Assert.Equal(broken.ToHashSet(), failed.Select(f => f["id"]!.GetValue<string>()).ToHashSet());
        Assert.All(failed, f => Assert.Contains("500", f["error"]!.GetValue<string>()));
        Assert.Equal(95, first.Json.AsArray().Count(r => r!["ok"]!.GetValue<bool>()));
        Assert.All(broken, id => Assert.Contains(id, first.Stderr));
        Assert.Contains("5 of 100 pods failed", first.Stderr);
        Assert.Contains("re-run", first.Stderr);

        var statuses = await StatusesAsync();
        Assert.Equal(95, statuses.Values.Count(s => s == "EXITED"));
        Assert.All(broken, id => Assert.Equal("RUNNING", statuses[id]));

        await ClearFaultsAsync();
        var rerun = await Cli.RunAsync("pod", "stop-all", "--yes", "--parallel", "16");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("5 of 5 pods stopped, 0 failed", rerun.Stdout);
        Assert.All(broken, id => Assert.Contains(id, rerun.Stdout));

        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("EXITED", s));
        var stops = await SuccessfulRequestsPerPodAsync("POST", "/action", 200);
        Assert.Equal(100, stops.Count);
        Assert.All(stops.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Answers_lost_after_processing_still_end_with_every_pod_deleted_once()
    {
        var ids = await CreateFleetAsync("gone", 100);
        // One delete in five is carried out but its answer never arrives; the retry then finds the pod gone.
        await AddFaultAsync("""{"method":"DELETE","path":"/v2/pods/*","drop":"after","rate":0.2,"seed":11}""");

        var delete = await Cli.RunAsync("pod", "delete-all", "--yes", "--parallel", "8", "-o", "json");
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(100, delete.Json.AsArray().Count(r => r!["ok"]!.GetValue<bool>()));
        // A delete whose answer was lost is recognised by the client (404 after an uncertain attempt): this run deleted it.
        Assert.All(delete.Json.AsArray(), r => Assert.Equal("deleted", r!["result"]!.GetValue<string>()));
        Assert.Empty(await StatusesAsync());

        var deletes = await SuccessfulRequestsPerPodAsync("DELETE", "", 204);
        Assert.Equal(ids.ToHashSet(), deletes.Keys.ToHashSet());
        Assert.All(deletes.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Explicit_ids_report_each_one_and_already_done_counts_as_ok()
    {
        var ids = await CreateFleetAsync("few", 3);
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", ids[0])).ExitCode);

        var stop = await Cli.RunAsync("pod", "stop", ids[0], ids[1], "zzzzzzzzzzzzzz", "-o", "json", "--yes");
        Assert.True(stop.ExitCode == 1, stop.ToString());
        var byId = stop.Json.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.Equal("already stopped", byId[ids[0]]["result"]!.GetValue<string>());
        Assert.Equal("stopped", byId[ids[1]]["result"]!.GetValue<string>());
        Assert.False(byId["zzzzzzzzzzzzzz"]["ok"]!.GetValue<bool>());
        Assert.Contains("not found", byId["zzzzzzzzzzzzzz"]["error"]!.GetValue<string>());
        Assert.Contains("1 of 3 pods failed: zzzzzzzzzzzzzz", stop.Stderr);
        Assert.False((await StatusesAsync()).ContainsKey("zzzzzzzzzzzzzz"));

        var start = await Cli.RunAsync("pod", "start", ids[0], ids[1], ids[2], "--yes");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("already running", start.Stdout);
        Assert.Contains("3 of 3 pods started, 0 failed", start.Stdout);

        // A pod that vanished between runs is already deleted, not a failure.
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", ids[2], "--yes")).ExitCode);
        var delete = await Cli.RunAsync("pod", "delete", ids[0], ids[1], ids[2], "--yes", "-o", "json");
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(["deleted", "deleted", "already deleted"], delete.Json.AsArray().Select(r => r!["result"]!.GetValue<string>()));
        Assert.Empty(await StatusesAsync());
    }

    [Fact]
    public async Task An_id_never_seen_is_not_found_not_already_deleted()
    {
        var ids = await CreateFleetAsync("unknown", 1);

        var delete = await Cli.RunAsync("pod", "delete", ids[0], "nonexistent1234", "--yes", "-o", "json");
        Assert.True(delete.ExitCode == 1, delete.ToString());
        var byId = delete.Json.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.Equal("deleted", byId[ids[0]]["result"]!.GetValue<string>());
        Assert.False(byId["nonexistent1234"]["ok"]!.GetValue<bool>());
        Assert.Contains("pod 'nonexistent1234' not found", byId["nonexistent1234"]["error"]!.GetValue<string>());
        // Re-running cannot help with an id that does not exist.
        Assert.Contains("1 of 2 pods failed: nonexistent1234", delete.Stderr);
        Assert.DoesNotContain("re-run", delete.Stderr);

        // The pod this run deleted is remembered: deleting it again is "already deleted", not a failure.
        var again = await Cli.RunAsync("pod", "delete", ids[0], "--yes");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already deleted", again.Stdout);

        // A lone unknown id stays exit 3.
        var lone = await Cli.RunAsync("pod", "delete", "nonexistent1234", "--yes");
        Assert.Equal(3, lone.ExitCode);
        Assert.Contains("pod 'nonexistent1234' not found", lone.Stderr);
    }

    [Fact]
    public async Task Without_a_terminal_and_without_yes_nothing_happens_and_exit_is_2()
    {
        await CreateFleetAsync("safe", 3);
        foreach (var args in new[] { new[] { "pod", "stop-all" }, ["pod", "delete-all"], ["pod", "stop", "--all"], ["pod", "delete", "--name", "safe-*"] })
        {
            var result = await Cli.RunAsync(args);
            AssertUsageError(result, "--yes");
        }

        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "DELETE"));
        Assert.DoesNotContain(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"), r => r["path"]!.GetValue<string>().EndsWith("/action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prompt_lists_the_pods_and_only_yes_proceeds()
    {
        var ids = await CreateFleetAsync("ask", 2);
        Cli.Interactive = true;
        Cli.Stdin = "n\n";
        var declined = await Cli.RunAsync("pod", "stop-all");
        Assert.Equal(1, declined.ExitCode);
        Assert.All(ids, id => Assert.Contains(id, declined.Stderr));
        Assert.Contains("Stop 2 pods? [y/N]", declined.Stderr);
        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("RUNNING", s));

        Cli.Stdin = "y\n";
        var accepted = await Cli.RunAsync("pod", "stop-all");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.All((await StatusesAsync()).Values, s => Assert.Equal("EXITED", s));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    [InlineData("-1")]
    [InlineData("four")]
    public async Task Parallel_out_of_range_is_a_usage_error(string value)
    {
        foreach (var args in new[] { new[] { "pod", "stop-all", "--yes" }, ["pod", "delete", "--all", "--yes"], ["pod", "create", "--gpu", "4090", "--image", "x", "--count", "2"] })
        {
            var result = await Cli.RunAsync([.. args, "--parallel", value]);
            AssertUsageError(result, $"invalid value '{value}' for --parallel: expected a whole number from 1 to 32");
        }
    }

    [Theory]
    [InlineData("--count", "0", "invalid value '0' for --count")]
    [InlineData("--count", "1001", "invalid value '1001' for --count")]
    public async Task Count_out_of_range_is_a_usage_error(string flag, string value, string message)
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "x", flag, value);
        AssertUsageError(result, message);
    }

    [Fact]
    public async Task Count_needs_a_name_so_a_rerun_finds_the_same_batch()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "x", "--count", "2");
        AssertUsageError(result, "--count needs --name");
        var dryRun = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "x", "--count", "2", "--dry-run");
        AssertUsageError(dryRun, "--count needs --name");
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"));
    }

    [Fact]
    public async Task Selection_needs_ids_all_or_a_filter_and_all_does_not_mix_with_ids()
    {
        AssertUsageError(await Cli.RunAsync("pod", "stop"), "needs a pod id, several ids, or --all");
        AssertUsageError(await Cli.RunAsync("pod", "delete", "--yes"), "needs a pod id, several ids, or --all");
        AssertUsageError(await Cli.RunAsync("pod", "stop", "abc", "--all", "--yes"), "--all cannot be combined with pod ids");
        AssertUsageError(await Cli.RunAsync("pod", "start", "a", "b", "--gpu-count", "2", "--yes"), "--gpu-count works on one pod at a time");
        AssertUsageError(await Cli.RunAsync("pod", "stop-all", "--status", "sleeping", "--yes"), "invalid value 'sleeping' for --status");
        AssertUsageError(await Cli.RunAsync("pod", "stop-all", "--older-than", "yesterday", "--yes"), "invalid value 'yesterday' for --older-than");
        AssertUsageError(await Cli.RunAsync("pod", "stop-all", "--older-than", "0", "--yes"), "--older-than");
        AssertUsageError(await Cli.RunAsync("pod", "stop-all", "--gpu", "rtx 9999x", "--yes"), "--gpu");
    }

    [Fact]
    public async Task Create_count_partial_failure_names_the_missing_pods_and_a_rerun_creates_only_those()
    {
        await AddFaultAsync("""{"method":"POST","path":"/v2/pods","noCapacity":true,"count":3}""");
        var first = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--image", "img", "--name", "job", "--count", "10", "--parallel", "1", "-o", "json");
        Assert.True(first.ExitCode == 1, first.ToString());
        var failed = Failed(first);
        Assert.Equal(["job-1", "job-2", "job-3"], failed.Select(f => f["name"]!.GetValue<string>()));
        Assert.All(failed, f => Assert.Null(f["id"]));
        Assert.All(failed, f => Assert.Contains("no capacity", f["error"]!.GetValue<string>()));
        Assert.Contains("3 of 10 pods failed: job-1, job-2, job-3", first.Stderr);
        var created = first.Json.AsArray().Where(r => r!["ok"]!.GetValue<bool>()).ToList();
        Assert.Equal(7, created.Count);
        Assert.All(created, c => Assert.Matches("^[a-z0-9]{14}$", c!["id"]!.GetValue<string>()));

        var rerun = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--image", "img", "--name", "job", "--count", "10", "-o", "json");
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(7, rerun.Json.AsArray().Count(r => r!["result"]!.GetValue<string>() == "already exists"));
        var names = (await Cli.RunAsync("pod", "list", "-o", "json")).Json.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"job-{i}").Order(), names.Order());
        Assert.Equal(10, (await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods")).Count(r => r["path"]!.GetValue<string>() == "/v2/pods" && r["status"]!.GetValue<int>() == 201));
    }

    [Fact]
    public async Task Create_count_dry_run_sends_nothing_and_shows_the_first_request()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--image", "img", "--name", "dry", "--count", "5", "--dry-run", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("dry-1", result.Json["body"]!["name"]!.GetValue<string>());
        Assert.Contains("would create 5 pods: dry-1 .. dry-5", result.Stderr);
        Assert.DoesNotContain(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"), r => r["path"]!.GetValue<string>() == "/v2/pods");
    }
}
