using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>A pod's life through the CLI, read back the way a user reads it.</summary>
public sealed class PodLifecycleCliTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Fact]
    public async Task Create_with_wait_then_list_shows_it_running_with_gpu_env_and_ports()
    {
        var created = await Cli.RunAsync("pod", "create", "--gpu", "RTX 4090", "--image", "runpod/pytorch:2.8.0", "--name", "web",
            "--env", "CONN=a=b,c", "--ports", "8888/http,22/tcp", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("RUNNING", created.Json["status"]!.GetValue<string>());

        var list = await Cli.RunAsync("pod", "list", "-o", "json");
        Assert.Equal(0, list.ExitCode);
        var pod = Assert.Single(list.Json.AsArray())!;
        Assert.Equal("RUNNING", pod["status"]!.GetValue<string>());
        Assert.Equal("NVIDIA GeForce RTX 4090", pod["gpu"]!["id"]!.GetValue<string>());
        Assert.Equal("a=b,c", pod["env"]!["CONN"]!.GetValue<string>());
        Assert.Equal(["8888/http", "22/tcp"], pod["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Table_output_of_get_shows_ssh_command_and_proxy_urls()
    {
        var id = await CreatePodAsync("--ports", "8888/http,22/tcp", "--wait");
        var get = await Cli.RunAsync("pod", "get", id);
        Assert.Equal(0, get.ExitCode);
        Assert.Contains($"https://{id}-8888.proxy.runpod.net", get.Stdout);
        Assert.Contains("ssh ", get.Stdout);
        Assert.Contains("RUNNING", get.Stdout);
    }

    [Fact]
    public async Task Stop_start_restart_and_delete_move_through_the_state_machine()
    {
        var id = await CreatePodAsync("--wait");

        var stop = await Cli.RunAsync("pod", "stop", id, "--wait", "-o", "json");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal("EXITED", stop.Json["status"]!.GetValue<string>());
        Assert.Equal(0.0, stop.Json["cost"]!.GetValue<double>());

        var restartStopped = await Cli.RunAsync("pod", "restart", id);
        Assert.True(restartStopped.ExitCode == 5, restartStopped.ToString()); // 409: not valid while EXITED

        var start = await Cli.RunAsync("pod", "start", id, "--wait", "-o", "json");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("RUNNING", start.Json["status"]!.GetValue<string>());

        var restart = await Cli.RunAsync("pod", "restart", id, "--wait", "-o", "json");
        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.Equal("RUNNING", restart.Json["status"]!.GetValue<string>());

        var delete = await Cli.RunAsync("pod", "delete", id, "--yes");
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Contains(id, delete.Stdout);

        var gone = await Cli.RunAsync("pod", "get", id);
        Assert.Equal(3, gone.ExitCode);
        Assert.Contains($"pod '{id}' not found", gone.Stderr);
        Assert.Equal("[]", (await Cli.RunAsync("pod", "list", "-o", "json")).Stdout.Trim());
    }

    [Fact]
    public async Task Start_with_gpu_count_resumes_through_graphql()
    {
        var id = await CreatePodAsync("--wait");
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", id, "--wait")).ExitCode);
        var start = await Cli.RunAsync("pod", "start", id, "--gpu-count", "2", "--wait", "-o", "json");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(2, start.Json["gpu"]!["count"]!.GetValue<int>());
        var graphQl = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Equal(2, graphQl["variables"]!["input"]!["gpuCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_without_yes_and_without_a_terminal_refuses_and_keeps_the_pod()
    {
        var id = await CreatePodAsync();
        var result = await Cli.RunAsync("pod", "delete", id);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Stderr);
        Assert.Equal(0, (await Cli.RunAsync("pod", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Delete_asks_on_a_terminal_and_no_keeps_the_pod()
    {
        var id = await CreatePodAsync();
        Cli.Interactive = true;
        Cli.Stdin = "n\n";
        var result = await Cli.RunAsync("pod", "delete", id);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[y/N]", result.Stderr);
        Assert.Equal(0, (await Cli.RunAsync("pod", "get", id)).ExitCode);

        Cli.Stdin = "y\n";
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", id)).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("pod", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Wait_for_exited_and_terminated()
    {
        var id = await CreatePodAsync("--wait");
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", id)).ExitCode);
        var exited = await Cli.RunAsync("pod", "wait", id, "--for", "exited", "--timeout", "30s", "--interval", "100ms", "-o", "json");
        Assert.True(exited.ExitCode == 0, exited.ToString());
        Assert.Equal("EXITED", exited.Json["status"]!.GetValue<string>());
        // The wait sees the pod first; its 404 after the delete then means TERMINATED.
        using var waiter = new CliRunner(Emulator.BaseAddress, ApiKey);
        var waiting = waiter.RunAsync("pod", "wait", id, "--for", "terminated", "--timeout", "30s", "--interval", "100ms", "-o", "json");
        await Task.Delay(500);
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", id, "--yes")).ExitCode);
        var terminated = await waiting;
        Assert.True(terminated.ExitCode == 0, terminated.ToString());
        Assert.Equal("TERMINATED", terminated.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wait_for_terminated_on_a_pod_never_seen_is_not_found()
    {
        var result = await Cli.RunAsync("pod", "wait", "typo-not-a-pod", "--for", "terminated", "--timeout", "5s");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("typo-not-a-pod", result.Stderr);
        Assert.DoesNotContain("TERMINATED", result.Stdout);
    }

    [Fact]
    public async Task Wait_for_running_on_a_stopped_pod_fails_fast_with_exit_7_naming_the_pod()
    {
        var id = await CreatePodAsync("--wait");
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", id, "--wait")).ExitCode);
        var result = await Cli.RunAsync("pod", "wait", id, "--timeout", "30s");
        Assert.Equal(7, result.ExitCode);
        Assert.Contains(id, result.Stderr);
    }

    [Fact]
    public async Task Wait_timeout_exits_7_and_names_the_billing_pod()
    {
        await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":3600}""");
        try
        {
            var id = await CreatePodAsync();
            var result = await Cli.RunAsync("pod", "wait", id, "--timeout", "1s", "--interval", "200ms", "-o", "json");
            Assert.Equal(7, result.ExitCode);
            var error = System.Text.Json.Nodes.JsonNode.Parse(result.Stderr.Trim().Split('\n')[^1])!;
            Assert.Equal(id, error["id"]!.GetValue<string>());
            Assert.Equal(7, error["code"]!.GetValue<int>());
        }
        finally
        {
            await Emulator.AdminPostAsync("/_emulator/config", """{"provisioningDelaySeconds":0}""");
        }
    }

    [Fact]
    public async Task Update_merges_env_by_default_and_replaces_on_request()
    {
        var id = await CreatePodAsync("--env", "KEEP=1", "--env", "DROP=2");
        var merged = await Cli.RunAsync("pod", "update", id, "--env", "NEW=3", "--unset-env", "DROP", "--name", "renamed", "-o", "json");
        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Equal("renamed", merged.Json["name"]!.GetValue<string>());
        var env = merged.Json["env"]!.AsObject();
        Assert.Equal(["KEEP", "NEW"], env.Select(kv => kv.Key).Order());

        var replaced = await Cli.RunAsync("pod", "update", id, "--replace-env", "--env", "ONLY=x", "-o", "json");
        Assert.Equal(["ONLY"], replaced.Json["env"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task List_filters_by_status_and_name()
    {
        var a = await CreatePodAsync("--name", "train-a", "--wait");
        await CreatePodAsync("--name", "infer-b", "--wait");
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", a, "--wait")).ExitCode);

        var exited = await Cli.RunAsync("pod", "list", "--status", "exited", "-o", "json");
        Assert.Equal([a], exited.Json.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        var byName = await Cli.RunAsync("pod", "list", "--name", "INFER-*", "-o", "json");
        Assert.Equal(["infer-b"], byName.Json.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Secret_looking_env_values_are_masked_unless_asked()
    {
        var id = await CreatePodAsync("--env", "HF_TOKEN=hf_abcdefghijklmnop", "--env", "PLAIN=hello");
        var masked = await Cli.RunAsync("pod", "get", id, "-o", "json");
        Assert.DoesNotContain("hf_abcdefghijklmnop", masked.Stdout);
        Assert.Equal("hello", masked.Json["env"]!["PLAIN"]!.GetValue<string>());
        var shown = await Cli.RunAsync("pod", "get", id, "-o", "json", "--show-secrets");
        Assert.Equal("hf_abcdefghijklmnop", shown.Json["env"]!["HF_TOKEN"]!.GetValue<string>());
    }

    [Fact]
    public async Task Yaml_and_csv_come_from_the_same_tree()
    {
        await CreatePodAsync("--name", "fmt", "--env", "FLAG=OFF");
        var yaml = await Cli.RunAsync("pod", "list", "-o", "yaml");
        Assert.Equal(0, yaml.ExitCode);
        Assert.Contains("name: fmt", yaml.Stdout);
        Assert.Contains("FLAG: \"OFF\"", yaml.Stdout); // never turned into a boolean
        var csv = await Cli.RunAsync("pod", "list", "-o", "csv");
        var lines = csv.Stdout.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("gpu.id", lines[0]);
        Assert.Contains("NVIDIA GeForce RTX 4090", lines[1]);
    }

    [Fact]
    public async Task Empty_list_is_an_empty_json_array_and_exit_0()
    {
        var result = await Cli.RunAsync("pod", "list", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Start_with_gpu_count_is_refused_for_a_cpu_pod()
    {
        var created = await Cli.RunAsync("pod", "create", "--cpu", "cpu3c", "--image", "img:1", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal(0, (await Cli.RunAsync("pod", "stop", id, "--wait")).ExitCode);
        var start = await Cli.RunAsync("pod", "start", id, "--gpu-count", "2");
        AssertUsageError(start, "--gpu-count applies only to GPU pods");
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/graphql"));
    }
}
