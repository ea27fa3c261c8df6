using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Global options, tracing, user agent, interruption and the emulator commands.</summary>
public sealed class GlobalBehaviourTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Fact]
    public async Task Global_options_work_before_and_after_the_subcommand()
    {
        await CreatePodAsync();
        var before = await Cli.RunAsync("-o", "json", "pod", "list");
        var after = await Cli.RunAsync("pod", "list", "-o", "json");
        Assert.Equal(0, before.ExitCode);
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Fact]
    public async Task Debug_traces_http_on_stderr_without_the_key()
    {
        var result = await Cli.RunAsync("pod", "list", "--debug", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("http: -> GET", result.Stderr);
        Assert.Contains("http: <- 200", result.Stderr);
        Assert.DoesNotContain(ApiKey, result.Stderr);
        Assert.Equal("[]", result.Stdout.Trim()); // the trace never reaches stdout
    }

    [Fact]
    public async Task User_agent_names_rpctl_its_version_os_and_arch()
    {
        Assert.Equal(0, (await Cli.RunAsync("pod", "list")).ExitCode);
        var request = Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/pods"));
        Assert.Matches(@"^rpctl/\d+\.\d+\.\d+ \([a-z]+; [a-z0-9]+\)$", request["userAgent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_url_flag_beats_the_environment_and_bad_urls_exit_2()
    {
        Cli.Environment["RUNPOD_API_URL"] = "http://127.0.0.1:1";
        var viaFlag = await Cli.RunAsync("pod", "list", "--api-url", Emulator.BaseAddress.ToString());
        Assert.True(viaFlag.ExitCode == 0, viaFlag.ToString());

        var bad = await Cli.RunAsync("pod", "list", "--api-url", "not a url");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--api-url", bad.Stderr);
        Assert.Equal(2, (await Cli.RunAsync("pod", "list", "--local", "--api-url", Emulator.BaseAddress.ToString())).ExitCode);
    }

    [Fact]
    public async Task Unreachable_api_exits_1_with_one_line()
    {
        Cli.Environment["RUNPOD_API_URL"] = "http://127.0.0.1:1";
        var result = await Cli.RunAsync("pod", "list");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not reach http://127.0.0.1:1", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Interrupting_a_create_wait_exits_130_and_names_the_created_pod()
    {
        await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":3600}""");
        try
        {
            using var cancel = new CancellationTokenSource();
            var run = Cli.RunAsync(cancel.Token, "pod", "create", "--gpu", "4090", "--image", "img:1", "--wait", "-o", "json");
            // Cancel once the wait has begun (its first status read is in the log), as Ctrl-C would during the wait.
            for (var i = 0; i < 400 && (await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/pods/")).Count == 0; i++)
                await Task.Delay(25);
            cancel.Cancel();
            var result = await run;
            Assert.Equal(130, result.ExitCode);
            var pods = (await Cli.RunAsync("pod", "list", "-o", "json")).Json.AsArray();
            var id = Assert.Single(pods)!["id"]!.GetValue<string>();
            Assert.Contains(id, result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        finally
        {
            await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":0}""");
        }
    }

    [Fact]
    public async Task Emulator_reset_needs_a_target_and_confirmation_then_wipes_state()
    {
        var separate = new EmulatorFixture();
        await separate.InitializeAsync();
        try
        {
            using var cli = new CliRunner(separate.BaseAddress, ApiKey);
            Assert.Equal(0, (await cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1")).ExitCode);
            cli.Environment.Remove("RUNPOD_API_URL");
            Assert.Equal(2, (await cli.RunAsync("emulator", "reset", "--yes")).ExitCode);
            Assert.Equal(2, (await cli.RunAsync("emulator", "reset", "--api-url", separate.BaseAddress.ToString())).ExitCode);
            Assert.Equal(2, (await cli.RunAsync("emulator", "reset", "--api-url", "https://api.runpod.io", "--yes")).ExitCode);
            var reset = await cli.RunAsync("emulator", "reset", "--api-url", separate.BaseAddress.ToString(), "--yes");
            Assert.True(reset.ExitCode == 0, reset.ToString());
            Assert.Equal("[]", (await cli.RunAsync("pod", "list", "-o", "json", "--api-url", separate.BaseAddress.ToString())).Stdout.Trim());
        }
        finally
        {
            await separate.DisposeAsync();
        }
    }

    [Fact]
    public async Task Local_mode_keeps_state_in_the_data_directory_and_needs_no_key()
    {
        Cli.Environment.Remove("RUNPOD_API_KEY");
        Cli.Environment.Remove("RUNPOD_API_URL");
        var created = await Cli.RunAsync("--local", "pod", "create", "--gpu", "4090", "--image", "img:1", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(File.Exists(Path.Combine(Cli.Home, ".local", "share", "rpctl", "emulator.db")));
        var list = await Cli.RunAsync("--local", "pod", "list", "-o", "json");
        Assert.Equal(created.Json["id"]!.GetValue<string>(), Assert.Single(list.Json.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_topics_and_unknown_topic()
    {
        var codes = await Cli.RunAsync("help", "exit-codes");
        Assert.Equal(0, codes.ExitCode);
        Assert.Contains("130", codes.Stdout);
        Assert.Equal(2, (await Cli.RunAsync("help", "nonsense")).ExitCode);
    }

    [Fact]
    public async Task Help_without_a_topic_lists_the_topics()
    {
        var help = await Cli.RunAsync("help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var topic in new[] { "exit-codes", "environment", "output" })
            Assert.Contains(topic, help.Stdout);
    }

    [Theory]
    [InlineData("widget list", "unknown command 'widget' for 'rpctl'", "pod")]
    [InlineData("pod frobnicate", "unknown command 'frobnicate' for 'rpctl pod'", "create")]
    public async Task Unknown_commands_are_named_and_the_valid_ones_listed(string line, string message, string valid)
    {
        var result = await Cli.RunAsync(line.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Contains(valid, result.Stderr);
        Assert.DoesNotContain("Required command was not provided", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Missing_confirmation_reads_cleanly()
    {
        var ids = new[] { await CreatePodAsync(), await CreatePodAsync() };
        var result = await Cli.RunAsync("pod", "delete", ids[0], ids[1]);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(".:", result.Stderr);
        Assert.Contains("Delete 2 pods? This cannot be undone.", result.Stderr);
        Assert.Contains("pass --yes", result.Stderr);
    }

    [Fact]
    public async Task Json_with_a_different_output_is_a_usage_error()
    {
        var result = await Cli.RunAsync("pod", "list", "--json", "-o", "yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--json", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal(0, (await Cli.RunAsync("pod", "list", "--json", "-o", "json")).ExitCode);
    }

    [Fact]
    public async Task An_api_key_with_impossible_characters_is_refused_without_printing_it()
    {
        Cli.Environment["RUNPOD_API_KEY"] = "rpa_\u00fc\u20ac";
        var result = await Cli.RunAsync("pod", "list");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("RUNPOD_API_KEY", result.Stderr);
        Assert.DoesNotContain("net_http", result.Stderr);
        Assert.DoesNotContain("\u00fc", result.Stderr);
    }

    [Fact]
    public async Task Json_errors_keep_quotes_readable_and_carry_the_http_status()
    {
        var result = await Cli.RunAsync("pod", "get", "nosuchpod12345", "-o", "json");
        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain("\\u0027", result.Stderr);
        var error = System.Text.Json.Nodes.JsonNode.Parse(result.Stderr)!;
        Assert.Equal("pod 'nosuchpod12345' not found", error["error"]!.GetValue<string>());
        Assert.Equal(404, error["status"]!.GetValue<int>());
    }
}
