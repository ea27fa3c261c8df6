using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>ssh connect / rpctl ssh POD / ssh info: endpoint choice, the exact command line, not-running pods, running the system ssh.</summary>
public sealed class SshTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private string KnownHosts => Path.Combine(Cli.Home, ".config", "rpctl", "known_hosts");

    private async Task<(string Id, string Ip, int Port, string ProxyUser)> RunningPodAsync(string ports = "22/tcp,8888/http")
    {
        var id = await CreatePodAsync("--name", "trainer", "--ports", ports, "--wait");
        var pod = (await Cli.RunAsync("pod", "get", id, "-o", "json")).Json;
        var direct = pod["ssh"]!["direct"];
        return (id, direct?["host"]!.GetValue<string>() ?? "", direct?["port"]!.GetValue<int>() ?? 0, pod["ssh"]!["proxy"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Direct_endpoint_is_preferred_and_the_dry_run_line_is_exact()
    {
        var (id, ip, port, _) = await RunningPodAsync();
        var result = await Cli.RunAsync("ssh", "connect", id, "--dry-run");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={KnownHosts} -o HostKeyAlias=rpctl-pod-{id} -p {port} root@{ip}\n", result.Stdout);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/v2/pods/")); // read only
    }

    [Fact]
    public async Task Proxy_is_used_without_22_tcp_and_when_forced()
    {
        var (id, _, _, proxyUser) = await RunningPodAsync(ports: "8888/http");
        var auto = await Cli.RunAsync("ssh", id, "--dry-run");
        Assert.True(auto.ExitCode == 0, auto.ToString());
        Assert.Equal($"ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={KnownHosts} {proxyUser}@ssh.runpod.io\n", auto.Stdout);
        Assert.Matches($"^{id}-[0-9a-f]{{8}}$", proxyUser);

        var direct = await Cli.RunAsync("ssh", id, "--direct", "--dry-run");
        Assert.Equal(5, direct.ExitCode);
        Assert.Contains("no direct SSH endpoint", direct.Stderr);
        Assert.Contains("--ports 22/tcp", direct.Stderr);

        var (withDirect, _, _, user2) = await RunningPodAsync();
        var forced = await Cli.RunAsync("ssh", "connect", withDirect, "--proxy", "--dry-run", "-o", "json");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("proxy", forced.Json["endpoint"]!.GetValue<string>());
        Assert.Equal($"{user2}@ssh.runpod.io", forced.Json["argv"]!.AsArray()[^1]!.GetValue<string>());
    }

    [Fact]
    public async Task User_key_forwards_and_remote_command_are_passed_through_quoted()
    {
        var (id, ip, port, _) = await RunningPodAsync();
        var key = Path.Combine(Cli.Home, "my key");
        await File.WriteAllTextAsync(key, "not really a key", TestContext.Current.CancellationToken);

        var result = await Cli.RunAsync("ssh", "connect", id, "--user", "ubuntu", "-i", key, "-L", "8888:localhost:8888", "-L", "6006:localhost:6006",
            "-R", "9000:localhost:9000", "--dry-run", "--", "ls", "-la", "my dir");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"ssh -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile={KnownHosts} -o HostKeyAlias=rpctl-pod-{id} -i '{key}' -p {port} " +
                     $"-L 8888:localhost:8888 -L 6006:localhost:6006 -R 9000:localhost:9000 ubuntu@{ip} 'ls -la '\\''my dir'\\'''\n", result.Stdout);

        var json = await Cli.RunAsync("ssh", "connect", id, "-c", "nvidia-smi && df -h", "--dry-run", "-o", "json");
        Assert.Equal("nvidia-smi && df -h", json.Json["argv"]!.AsArray()[^1]!.GetValue<string>());
    }

    [Fact]
    public async Task Insecure_turns_checking_off_explicitly_and_is_never_the_default()
    {
        var (id, _, _, _) = await RunningPodAsync();
        var insecure = await Cli.RunAsync("ssh", id, "--insecure", "--dry-run");
        Assert.Contains("-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null", insecure.Stdout);
        var normal = await Cli.RunAsync("ssh", id, "--dry-run");
        Assert.DoesNotContain("StrictHostKeyChecking=no", normal.Stdout);
        Assert.DoesNotContain("/dev/null", normal.Stdout);
    }

    [Fact]
    public async Task Stopped_pod_is_exit_5_with_status_and_hint_and_wait_connects_when_running()
    {
        var (id, _, _, _) = await RunningPodAsync();
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", id)).ExitCode);
        var stopped = await Cli.RunAsync("ssh", id, "--dry-run");
        Assert.Equal(5, stopped.ExitCode);
        Assert.Contains($"pod {id} (trainer) is EXITED", stopped.Stderr);
        Assert.Contains($"rpctl pod start {id}", stopped.Stderr);
        Assert.Equal("", stopped.Stdout);

        // Provisioning: exit 5 without --wait, the command line once RUNNING with --wait.
        await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":1,"startingDelaySeconds":0}""");
        var fresh = await CreatePodAsync("--ports", "22/tcp");
        var early = await Cli.RunAsync("ssh", fresh, "--dry-run");
        Assert.Equal(5, early.ExitCode);
        Assert.Contains("--wait", early.Stderr);
        var waited = await Cli.RunAsync("ssh", fresh, "--wait", "--dry-run", "-o", "json");
        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Equal("direct", waited.Json["endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pod_can_be_named_and_unknown_pods_exit_3()
    {
        var (id, _, _, _) = await RunningPodAsync();
        var byName = await Cli.RunAsync("ssh", "info", "trainer", "-o", "json");
        Assert.True(byName.ExitCode == 0, byName.ToString());
        Assert.Equal(id, byName.Json["id"]!.GetValue<string>());
        Assert.Equal("direct", byName.Json["endpoint"]!.GetValue<string>());
        Assert.StartsWith("ssh -o StrictHostKeyChecking=accept-new", byName.Json["command"]!.GetValue<string>());
        Assert.NotNull(byName.Json["proxy"]);

        var table = await Cli.RunAsync("ssh", "info", id);
        Assert.Contains("ssh.runpod.io", table.Stdout);

        var missing = await Cli.RunAsync("ssh", "nosuchpod", "--dry-run");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("nosuchpod", missing.Stderr);
    }

    [Fact]
    public async Task Bad_values_are_usage_errors()
    {
        AssertUsageError(await Cli.RunAsync("ssh"), "give a pod id or name");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "--proxy", "--direct"), "--proxy and --direct cannot be used together");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "-c", "ls", "--", "pwd"), "either with --command or after --");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "-i", "/nonexistent/key"), "invalid value '/nonexistent/key' for --key: no such file");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "-L", "8888"), "invalid value '8888' for -L");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "-R", "bad value"), "for -R");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "--user", "a b"), "for --user");
        AssertUsageError(await Cli.RunAsync("ssh", "abc", "--wait", "--timeout", "soon"), "--timeout");
        AssertUsageError(await Cli.RunAsync("ssh", "connect"), "Required argument missing");
        AssertUsageError(await Cli.RunAsync("ssh", "config", "-i", "/nonexistent/key"), "--key");

        var (id, _, _, _) = await RunningPodAsync(ports: "8888/http");
        AssertUsageError(await Cli.RunAsync("ssh", id, "--user", "ubuntu", "--dry-run"), "--user applies to the direct endpoint");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Runs_the_system_ssh_from_path_and_returns_its_exit_code()
    {
        var (id, ip, port, _) = await RunningPodAsync();
        var bin = Directory.CreateTempSubdirectory("fake-ssh-").FullName;
        var record = Path.Combine(bin, "args.txt");
        var script = Path.Combine(bin, "ssh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_SSH_RECORD\"\nexit 42\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Cli.Environment["PATH"] = bin + ":/usr/bin:/bin";
        Cli.Environment["FAKE_SSH_RECORD"] = record;

        var result = await Cli.RunAsync("ssh", id, "--", "echo", "hi there");
        Assert.True(result.ExitCode == 42, result.ToString());
        var args = await File.ReadAllLinesAsync(record, TestContext.Current.CancellationToken);
        Assert.Equal(["-o", "StrictHostKeyChecking=accept-new", "-o", $"UserKnownHostsFile={KnownHosts}", "-o", $"HostKeyAlias=rpctl-pod-{id}",
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), $"root@{ip}", "echo 'hi there'"], args);
        Assert.True(Directory.Exists(Path.GetDirectoryName(KnownHosts)), "the known_hosts directory is created for ssh");

        Cli.Environment["PATH"] = Path.Combine(bin, "empty");
        var none = await Cli.RunAsync("ssh", id);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("ssh was not found on PATH", none.Stderr);
        Directory.Delete(bin, recursive: true);
    }
}
