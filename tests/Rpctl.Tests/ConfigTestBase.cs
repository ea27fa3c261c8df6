using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Config tests start with no key in the environment (unlike pod tests), so the key has to come
/// from the layer under test. Each test has its own HOME and its own emulator account.
/// </summary>
public abstract class ConfigTestBase : IClassFixture<EmulatorFixture>, IDisposable
{
    protected ConfigTestBase(EmulatorFixture emulator)
    {
        Emulator = emulator;
        ApiKey = EmulatorFixture.NewApiKey();
        Cli = new CliRunner(emulator.BaseAddress);
    }

    protected EmulatorFixture Emulator { get; }
    protected string ApiKey { get; }
    protected CliRunner Cli { get; }

    protected string ConfigDir => Path.Combine(Cli.Home, ".config", "rpctl");
    protected string ConfigPath => Path.Combine(ConfigDir, "config.yaml");
    protected string CredentialsPath => Path.Combine(ConfigDir, "credentials.yaml");

    public void Dispose() => Cli.Dispose();

    /// <summary>Stores <paramref name="key"/> for a profile through the real command, as a user would.</summary>
    protected async Task InitProfileAsync(string profile, string key, params string[] sets)
    {
        Cli.Stdin = key + "\n";
        var args = new List<string> { "config", "init", "--api-key-stdin", "--profile", profile };
        foreach (var s in sets)
            args.AddRange(["--set", s]);
        await Cli.RunOkAsync([.. args]);
        Cli.Stdin = "";
    }

    protected static void AssertUsageError(CliResult result, string mentions)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(mentions, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    /// <summary>The value and source `config show` reports for a key.</summary>
    protected async Task<(string? Value, string Source)> ShowAsync(string key, params string[] extra)
    {
        var result = await Cli.RunOkAsync(["config", "show", "-o", "json", .. extra]);
        var row = result.Json.AsArray().Single(r => r!["key"]!.GetValue<string>() == key)!;
        return (row["value"]?.GetValue<string>(), row["source"]!.GetValue<string>());
    }
}
