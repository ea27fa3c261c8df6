using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>The retry and time settings kept in a profile: flag beats environment beats profile beats default.</summary>
public sealed class ResilienceProfileSettingsTests(EmulatorFixture emulator) : FaultTestBase(emulator)
{
    [Fact]
    public async Task Retries_come_from_flag_then_environment_then_profile_then_default()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","status":503}""");

        AssertOneLineError(await Cli.RunAsync("pod", "list"), 1, "HTTP 503");
        Assert.Equal(5, await CountAsync("GET", "/v2/pods")); // default: 4 retries

        var set = await Cli.RunAsync("config", "set", "retries", "2");
        Assert.True(set.ExitCode == 0, set.ToString());
        AssertOneLineError(await Cli.RunAsync("pod", "list"), 1, "HTTP 503");
        Assert.Equal(8, await CountAsync("GET", "/v2/pods")); // the profile's 2 retries

        Cli.Environment["RPCTL_RETRIES"] = "1";
        AssertOneLineError(await Cli.RunAsync("pod", "list"), 1, "HTTP 503");
        Assert.Equal(10, await CountAsync("GET", "/v2/pods")); // the environment beats the profile

        AssertOneLineError(await Cli.RunAsync("pod", "list", "--retries", "0"), 1, "HTTP 503");
        Assert.Equal(11, await CountAsync("GET", "/v2/pods")); // the flag beats the environment
    }

    [Fact]
    public async Task Config_show_names_the_layer_of_each_network_setting()
    {
        Assert.True((await Cli.RunAsync("config", "set", "request_timeout", "45s")).ExitCode == 0);
        Assert.True((await Cli.RunAsync("config", "set", "deadline", "20m")).ExitCode == 0);
        Cli.Environment["RPCTL_RETRY_BUDGET"] = "30s";

        var show = await Cli.RunAsync("config", "show", "-o", "json", "--deadline", "5m");

        Assert.True(show.ExitCode == 0, show.ToString());
        string Source(string key) => show.Json.AsArray().Single(r => r!["key"]!.GetValue<string>() == key)!["source"]!.GetValue<string>();
        string? Value(string key) => show.Json.AsArray().Single(r => r!["key"]!.GetValue<string>() == key)!["value"]?.GetValue<string>();
        Assert.StartsWith("profile 'default'", Source("request_timeout"));
        Assert.Equal("45s", Value("request_timeout"));
        Assert.Equal("environment variable RPCTL_RETRY_BUDGET", Source("retry_budget"));
        Assert.Equal("flag --deadline", Source("deadline"));
        Assert.Equal("5m", Value("deadline"));
        Assert.Equal("default", Source("retries"));
    }

    [Fact]
    public async Task A_profile_deadline_stops_the_command()
    {
        await AddFaultAsync("""{"method":"GET","path":"/v2/pods","latencyMs":5000}""");
        Assert.True((await Cli.RunAsync("config", "set", "deadline", "1s")).ExitCode == 0);

        var result = await Cli.RunAsync("pod", "list");

        AssertOneLineError(result, 7, "deadline of 1s exceeded");
    }

    [Theory]
    [InlineData("retries", "many")]
    [InlineData("retries", "-1")]
    [InlineData("retries", "21")]
    [InlineData("retry_budget", "soon")]
    [InlineData("request_timeout", "0")]
    [InlineData("deadline", "tomorrow")]
    public async Task Config_set_rejects_bad_values(string key, string value)
    {
        var result = await Cli.RunAsync("config", "set", key, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(key, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task A_hand_edited_bad_profile_value_exits_2_naming_the_key()
    {
        Assert.True((await Cli.RunAsync("config", "set", "retries", "3")).ExitCode == 0);
        var path = (await Cli.RunAsync("config", "path")).Stdout.Trim();
        File.WriteAllText(path, File.ReadAllText(path).Replace("retries: 3", "retries: lots").Replace("retries: \"3\"", "retries: lots"));

        var result = await Cli.RunAsync("pod", "list");

        AssertUsageError(result, "retries in profile 'default'");
        Assert.Equal(0, await CountAsync("GET", "/v2/pods"));
    }
}
