using TestSupport;
using Xunit;

namespace Rpctl.Tests.BadInput;

/// <summary>
/// Bad input over every command in the real command tree: unknown flags, wrong and negative values
/// for every validated option, flags missing their value, no arguments at all, unknown ids. Each gives
/// exit 2 (3 for an unknown id), one line naming the flag, and never a stack trace.
/// </summary>
public sealed class BadInputEveryCommandTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    public static TheoryData<string> Commands() => [.. CommandTree.Leaves().Select(l => l.Path)];

    public static TheoryData<string, string> ValidatedOptions() =>
        [.. CommandTree.Leaves().SelectMany(l => l.Options.Where(CommandTree.IsValidated).Select(o => (l.Path, o.Name)))
            .Concat(GlobalValidated().Select(o => ("pod list", o)))];

    public static TheoryData<string, string> NumericOptions() =>
        [.. CommandTree.Leaves().SelectMany(l => l.Options.Where(CommandTree.IsNumeric).Select(o => (l.Path, o.Name)))];

    public static TheoryData<string, string> ValueOptions() =>
        [.. CommandTree.Leaves().SelectMany(l => l.Options.Where(CommandTree.TakesValue).Select(o => (l.Path, o.Name)))];

    [Fact]
    public void The_tree_is_walked()
    {
        var paths = CommandTree.Leaves().Select(l => l.Path).ToList();
        Assert.Contains("pod create", paths);
        Assert.Contains("pod list", paths);
        Assert.True(paths.Count >= 10, string.Join(", ", paths));
        Assert.NotEmpty(ValidatedOptions());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Unknown_flag_exits_2_naming_it(string command)
    {
        var leaf = Leaf(command);
        if (CommandTree.PassThrough.Contains(command))
            return;
        var result = await Cli.RunAsync([.. leaf.Words, .. leaf.RequiredArgs, "--no-such-flag"]);
        AssertOneLine(result, 2, "--no-such-flag");
    }

    [Theory]
    [MemberData(nameof(ValidatedOptions))]
    public async Task Wrong_value_exits_2_naming_the_flag(string command, string option)
    {
        var leaf = Leaf(command);
        var result = await Cli.RunAsync([.. leaf.Words, .. leaf.RequiredArgsExcept(option), option, "bogus-value"]);
        AssertOneLine(result, 2, option);
        Assert.Contains("bogus-value", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public async Task Negative_number_exits_2_naming_the_flag(string command, string option)
    {
        var leaf = Leaf(command);
        var result = await Cli.RunAsync([.. leaf.Words, .. leaf.RequiredArgsExcept(option), option, "-7"]);
        AssertOneLine(result, 2, option);
    }

    [Theory]
    [MemberData(nameof(ValueOptions))]
    public async Task Flag_without_its_value_exits_2_naming_it(string command, string option)
    {
        var leaf = Leaf(command);
        var result = await Cli.RunAsync([.. leaf.Words, .. leaf.RequiredArgsExcept(option), option]);
        AssertOneLine(result, 2, option);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task No_arguments_never_print_a_stack_trace(string command)
    {
        if (CommandTree.LongRunning.Contains(command))
            return;
        var result = await Cli.RunAsync(Leaf(command).Words);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(result.ExitCode is 0 or 2 or 3 or 5, result.ToString());
        if (result.ExitCode != 0)
            AssertOneLine(result, result.ExitCode, "");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Unknown_ids_exit_3_or_2_with_one_line(string command)
    {
        var leaf = Leaf(command);
        if (!leaf.Arguments.Any(a => a.Name.Contains("ID", StringComparison.OrdinalIgnoreCase)) || CommandTree.LongRunning.Contains(command))
            return;
        string[] yes = leaf.Has("--yes") ? ["--yes"] : [];
        var result = await Cli.RunAsync([.. leaf.Words, "zzzzzzzzzzzzzz", .. yes]);
        Assert.True(result.ExitCode is 2 or 3, result.ToString());
        AssertOneLine(result, result.ExitCode, result.ExitCode == 3 ? "zzzzzzzzzzzzzz" : "");
    }

    [Theory]
    [InlineData("pod", "get")]
    [InlineData("pod", "stop")]
    [InlineData("pod", "start")]
    [InlineData("pod", "restart")]
    [InlineData("pod", "delete", "--yes")]
    [InlineData("pod", "wait")]
    [InlineData("pod", "update", "--name", "x")]
    public async Task Unknown_pod_id_exits_3_naming_it(params string[] words)
    {
        var result = await Cli.RunAsync([words[0], words[1], "zzzzzzzzzzzzzz", .. words[2..]]);
        AssertOneLine(result, 3, "pod 'zzzzzzzzzzzzzz' not found");
    }

    /// <summary>Values checked when the command runs (not by the parser), with the flags the command needs.</summary>
    [Theory]
    [InlineData("--env", "NOEQUALS")]
    [InlineData("--env", "=value")]
    [InlineData("--ports", "8888")]
    [InlineData("--ports", "70000/http")]
    [InlineData("--ports", "abc/tcp")]
    [InlineData("--ports", "22/udp,")]
    [InlineData("--name", "   ")]
    [InlineData("--gpu-count", "1.5")]
    [InlineData("--container-disk", "1e9")]
    public async Task Pod_create_runtime_checks_name_the_flag(string option, string value)
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", option, value);
        AssertOneLine(result, 2, option);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods"));
    }

    [Theory]
    [InlineData("--env", "NOEQUALS")]
    [InlineData("--ports", "8888")]
    public async Task Pod_update_runtime_checks_name_the_flag(string option, string value)
    {
        var id = await CreatePodAsync();
        AssertOneLine(await Cli.RunAsync("pod", "update", id, option, value), 2, option);
    }

    /// <summary>--replace-env with no --env would wipe the whole env; it is refused before any request.</summary>
    [Theory]
    [InlineData("pod")]
    [InlineData("template")]
    public async Task Replace_env_without_env_values_is_refused(string resource)
    {
        var before = (await EmulatorRequests.ListAsync(Emulator, ApiKey)).Count;

        var result = await Cli.RunAsync(resource, "update", "zzzzzzzzzz", "--replace-env");

        AssertOneLine(result, 2, "--replace-env needs --env");
        Assert.Equal(before, (await EmulatorRequests.ListAsync(Emulator, ApiKey)).Count);
    }

    [Fact]
    public async Task Env_file_with_a_malformed_line_names_the_file_and_line()
    {
        var file = Path.Combine(Cli.Home, "bad.env");
        await File.WriteAllTextAsync(file, "GOOD=1\nthis line has no equals\n");
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--env-file", file);
        AssertOneLine(result, 2, "--env-file");
    }

    [Fact]
    public async Task Non_ascii_and_very_long_names_round_trip_or_are_refused_cleanly()
    {
        const string unicode = "entraînement-数据-🚀";
        var created = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--name", unicode, "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(unicode, created.Json["name"]!.GetValue<string>());
        Assert.Equal(unicode, (await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/pods"))["name"]!.GetValue<string>());

        var longName = new string('x', 5000);
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--name", longName);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(result.ExitCode is 0 or 2, result.ToString());
        var table = await Cli.RunAsync("pod", "list");
        Assert.Equal(0, table.ExitCode);
    }

    private static CommandTree.Leaf Leaf(string path) => CommandTree.Leaves().Single(l => l.Path == path);

    private static IEnumerable<string> GlobalValidated() => ["--output", "--retries", "--retry-budget", "--request-timeout", "--deadline"];

    private static void AssertOneLine(CliResult result, int exitCode, string mentions)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.True(result.Stderr.Contains(mentions, StringComparison.Ordinal), $"expected '{mentions}' in stderr\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Trim().Split('\n');
        Assert.True(lines.Length == 1 && lines[0].StartsWith("error: ", StringComparison.Ordinal), result.ToString());
    }
}
