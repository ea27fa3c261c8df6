using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>ssh config: rpctl's block is written, refreshed and pruned; the user's own lines never change.</summary>
public sealed class SshConfigTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private const string UserTop = "# my settings\nServerAliveInterval 30\n\nHost github.com\n    User git\n";
    private const string UserBottom = "Host *\n    IdentitiesOnly yes\n";

    private string ConfigPath => Path.Combine(Cli.Home, ".ssh", "config");

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Block_is_added_refreshed_and_pruned_without_touching_the_users_lines()
    {
        var a = await CreatePodAsync("--name", "alpha", "--ports", "22/tcp", "--wait");
        var b = await CreatePodAsync("--name", "beta", "--ports", "8888/http", "--wait");
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        await File.WriteAllTextAsync(ConfigPath, UserTop + UserBottom, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var write = await Cli.RunAsync("ssh", "config", "alpha", b);
        Assert.True(write.ExitCode == 0, write.ToString());
        var text = await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken);
        Assert.EndsWith("\n" + UserTop + UserBottom, text);   // the user's text follows the block unchanged
        var alpha = (await Cli.RunAsync("pod", "get", a, "-o", "json")).Json;
        var beta = (await Cli.RunAsync("pod", "get", b, "-o", "json")).Json;
        Assert.Contains($"Host rp-alpha\n    # rpctl pod {a} (alpha, direct endpoint)\n    HostName {alpha["ssh"]!["direct"]!["host"]}\n    Port {alpha["ssh"]!["direct"]!["port"]}\n    User root\n", text);
        Assert.Contains($"HostKeyAlias rpctl-pod-{a}", text);
        Assert.Contains($"Host rp-beta\n    # rpctl pod {b} (beta, proxy endpoint)\n    HostName ssh.runpod.io\n    Port 22\n    User {beta["ssh"]!["proxy"]!["username"]}\n", text);
        Assert.Contains("StrictHostKeyChecking accept-new", text);
        Assert.DoesNotContain("StrictHostKeyChecking no", text);
        Assert.StartsWith("# >>> rpctl", text);
        Assert.Contains("Host *\n# <<< rpctl <<<\n", text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(ConfigPath)); // mode kept
        Assert.Contains("rp-alpha", write.Stdout);

        // The user edits their part; beta is deleted; a refresh keeps alpha, drops beta and keeps the edit.
        var edited = text + "Host extra\n    HostName example.org\n";
        await File.WriteAllTextAsync(ConfigPath, edited, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", b, "--yes")).ExitCode);
        var refresh = await Cli.RunAsync("ssh", "config");
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.Contains("removed rp-beta (pod gone)", refresh.Stderr);
        var refreshed = await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken);
        Assert.Contains("Host rp-alpha", refreshed);
        Assert.DoesNotContain("rp-beta", refreshed);
        Assert.EndsWith("\n" + UserTop + UserBottom + "Host extra\n    HostName example.org\n", refreshed);
        Assert.Single(refreshed.Split('\n'), l => l.StartsWith("# >>> rpctl", StringComparison.Ordinal));

        // Once every pod is gone the block goes too, and the file is the user's text again.
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", a, "--yes")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("ssh", "config")).ExitCode);
        Assert.Equal(UserTop + UserBottom + "Host extra\n    HostName example.org\n", await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task All_running_writes_a_new_private_file_and_print_writes_nothing()
    {
        var running = await CreatePodAsync("--name", "web", "--ports", "22/tcp", "--wait");
        var stopped = await CreatePodAsync("--name", "idle", "--wait");
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", stopped)).ExitCode);

        var print = await Cli.RunAsync("ssh", "config", "--all-running", "--print");
        Assert.True(print.ExitCode == 0, print.ToString());
        Assert.Contains("Host rp-web", print.Stdout);
        Assert.DoesNotContain("rp-idle", print.Stdout);
        Assert.False(File.Exists(ConfigPath));

        var json = await Cli.RunAsync("ssh", "config", "--all-running", "--print", "-o", "json");
        Assert.Equal(running, json.Json.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal("direct", json.Json.AsArray().Single()!["endpoint"]!.GetValue<string>());

        var write = await Cli.RunAsync("ssh", "config", "--all-running");
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(ConfigPath)!));
        Assert.Contains("Host rp-web", await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Pods_sharing_a_name_get_unique_aliases_and_unknown_pods_change_nothing()
    {
        var one = await CreatePodAsync("--name", "twin", "--wait");
        var two = await CreatePodAsync("--name", "twin", "--wait");
        var result = await Cli.RunAsync("ssh", "config", one, two, "--print");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Host rp-twin-{one}\n", result.Stdout);
        Assert.Contains($"Host rp-twin-{two}\n", result.Stdout);

        var unknown = await Cli.RunAsync("ssh", "config", "nosuchpod");
        Assert.Equal(3, unknown.ExitCode);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task An_unterminated_block_is_refused_rather_than_guessed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        var broken = "# >>> rpctl: pods (managed by 'rpctl ssh config'; edits inside this block are replaced) >>>\nHost rp-x\n";
        await File.WriteAllTextAsync(ConfigPath, broken, TestContext.Current.CancellationToken);
        var result = await Cli.RunAsync("ssh", "config", "--all-running");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("end marker", result.Stderr);
        Assert.Equal(broken, await File.ReadAllTextAsync(ConfigPath, TestContext.Current.CancellationToken));
    }
}
