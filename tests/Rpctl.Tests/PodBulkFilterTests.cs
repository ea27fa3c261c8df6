using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// 100 pods of different names, GPUs, ages and states; each filter (and their combination) selects
/// exactly the right ones. Own class: it moves the emulator clock.
/// </summary>
public sealed class PodBulkFilterTests(EmulatorFixture emulator) : PodBulkTestBase(emulator)
{
    [Fact]
    public async Task Filters_select_exactly_the_right_pods_among_100()
    {
        var train = await CreateFleetAsync("train", 30);                                   // old: created 3h before the rest
        await Emulator.AdvanceClockAsync(TimeSpan.FromHours(3));
        var tune = await CreateFleetAsync("tune", 30);
        var eval = await CreateFleetAsync("eval", 40, gpu: "RTX A6000");
        var stoppedEval = eval.Take(10).ToList();
        var stop = await Cli.RunAsync(["pod", "stop", .. stoppedEval, "--yes"]);
        Assert.True(stop.ExitCode == 0, stop.ToString());

        async Task<HashSet<string>> Selected(params string[] args)
        {
            var result = await Cli.RunAsync([.. args, "--dry-run", "-o", "json"]);
            Assert.True(result.ExitCode == 0, result.ToString());
            return [.. Ids(result)];
        }

        Assert.Equal(train.ToHashSet(), await Selected("pod", "stop-all", "--name", "train-*"));
        Assert.Equal(train.ToHashSet(), await Selected("pod", "stop-all", "--older-than", "1h"));
        Assert.Equal(train.ToHashSet(), await Selected("pod", "delete-all", "--older-than", "2h59m"));
        Assert.Empty(await Selected("pod", "delete-all", "--older-than", "4h"));
        Assert.Equal(eval.Skip(10).ToHashSet(), await Selected("pod", "stop-all", "--gpu", "a6000"));   // the stopped ones need nothing
        Assert.Equal(eval.ToHashSet(), await Selected("pod", "delete-all", "--gpu", "RTX A6000"));
        Assert.Equal(stoppedEval.ToHashSet(), await Selected("pod", "delete-all", "--status", "exited"));
        Assert.Equal(stoppedEval.ToHashSet(), await Selected("pod", "start-all"));
        Assert.Equal(eval.Skip(10).ToHashSet(), await Selected("pod", "stop", "--all", "--status", "running", "--name", "e*"));
        Assert.Equal(train.Concat(tune).ToHashSet(), await Selected("pod", "stop", "--all", "--gpu", "4090", "--status", "running,starting,provisioning"));
        Assert.Equal(tune.Take(3).ToHashSet(), await Selected("pod", "delete", tune[0], tune[1], tune[2], "--name", "tune-*"));
        Assert.Equal(new HashSet<string> { tune[0] }, await Selected("pod", "delete", tune[0], train[0], "--name", "tune-*"));
        Assert.Equal(100, (await Selected("pod", "delete-all")).Count);

        // The dry runs changed nothing; a real run with filters touches exactly the selection.
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "DELETE"));
        var deleted = await Cli.RunAsync("pod", "delete-all", "--gpu", "a6000", "--status", "running", "--yes", "-o", "json");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(eval.Skip(10).ToHashSet(), Ids(deleted).ToHashSet());
        var left = await StatusesAsync();
        Assert.Equal(train.Concat(tune).Concat(stoppedEval).ToHashSet(), left.Keys.ToHashSet());
    }

    [Fact]
    public async Task Dry_run_table_lists_the_plan_and_a_summary()
    {
        var ids = await CreateFleetAsync("plan", 2);
        var result = await Cli.RunAsync("pod", "delete-all", "--name", "plan-*", "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(ids, id => Assert.Contains(id, result.Stdout));
        Assert.Contains("WOULD", result.Stdout);
        Assert.Contains("would delete 2 pods; nothing was changed", result.Stdout);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "DELETE"));
    }
}
