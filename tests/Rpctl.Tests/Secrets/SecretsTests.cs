using Rpctl.Tests.BadInput;
using TestSupport;
using Xunit;

namespace Rpctl.Tests.Secrets;

/// <summary>
/// A recognisable fake API key never appears in stdout, stderr, --debug traces, error messages or
/// crash output, over every command; secret-looking env values are masked; state files are 0600.
/// </summary>
public sealed class SecretsTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private const string FakeKey = "rpa_FAKEKEY0123456789DONOTPRINTME";
    private const string RevokedKey = "sk_REVOKED0123456789DONOTPRINTME";
    private const string EnvSecret = "hf_TOPSECRETVALUE0123456789abcdef";

    public static TheoryData<string> Commands() => [.. CommandTree.Leaves().Select(l => l.Path).Where(p => !CommandTree.LongRunning.Contains(p))];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_key_never_appears_in_any_output_of_any_command(string command)
    {
        var leaf = CommandTree.Leaves().Single(l => l.Path == command);
        foreach (var key in new[] { FakeKey, RevokedKey })
        {
            Cli.Environment["RUNPOD_API_KEY"] = key;
            foreach (var extra in new[] { new[] { "--debug" }, ["--debug", "-o", "json"], ["--debug", "--api-url", "http://127.0.0.1:1", "--retries", "0"], ["--bogus-flag"] })
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                var result = await Cli.RunAsync(limit.Token, [.. leaf.Words, .. leaf.RequiredArgs, .. extra]);
                Assert.False(limit.IsCancellationRequested, $"{command} {string.Join(' ', extra)} hung\n{result}");
                AssertNoKey(result, key);
            }
        }
    }

    [Fact]
    public async Task The_key_is_not_in_traces_of_retries_and_errors()
    {
        Cli.Environment["RUNPOD_API_KEY"] = FakeKey;
        var created = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--debug", "--env", $"HF_TOKEN={EnvSecret}");
        Assert.True(created.ExitCode == 0, created.ToString());
        AssertNoKey(created, FakeKey);
        Assert.DoesNotContain(EnvSecret, created.Stdout + created.Stderr);
        Assert.Contains("http: -> POST", created.Stderr); // the trace ran, and still shows neither secret
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("yaml")]
    [InlineData("csv")]
    public async Task Secret_looking_env_values_are_masked_unless_asked(string format)
    {
        var id = await CreatePodAsync("--env", $"HF_TOKEN={EnvSecret}", "--env", "PLAIN=visible");
        foreach (var args in new[] { new[] { "pod", "get", id }, ["pod", "list"] })
        {
            var shown = await Cli.RunAsync([.. args, "-o", format]);
            Assert.Equal(0, shown.ExitCode);
            Assert.DoesNotContain(EnvSecret, shown.Stdout);
        }

        var revealed = await Cli.RunAsync("pod", "get", id, "-o", "json", "--show-secrets");
        Assert.Contains(EnvSecret, revealed.Stdout);
    }

    [Fact]
    public async Task Dry_run_masks_secret_env_values()
    {
        var result = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "img:1", "--env", $"API_KEY={EnvSecret}", "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(EnvSecret, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Local_state_file_holding_env_values_is_0600()
    {
        if (OperatingSystem.IsWindows())
            return;
        Cli.Environment.Remove("RUNPOD_API_URL");
        var result = await Cli.RunAsync("--local", "pod", "create", "--gpu", "4090", "--image", "img:1", "--env", $"HF_TOKEN={EnvSecret}");
        Assert.True(result.ExitCode == 0, result.ToString());
        var file = Path.Combine(Cli.Home, ".local", "share", "rpctl", "emulator.db");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    private static void AssertNoKey(CliResult result, string key)
    {
        Assert.DoesNotContain(key, result.Stdout);
        Assert.DoesNotContain(key, result.Stderr);
        Assert.DoesNotContain(key[4..20], result.Stdout + result.Stderr); // not even a recognisable part
    }
}
