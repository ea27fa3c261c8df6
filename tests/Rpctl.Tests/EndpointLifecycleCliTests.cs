using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>An endpoint's life through the CLI: create --wait, list, get, health, wait, workers, delete.</summary>
public sealed class EndpointLifecycleCliTests(EmulatorFixture emulator) : EndpointTestBase(emulator)
{
    [Fact]
    public async Task Create_with_a_gpu_name_and_wait_then_run_prints_the_output()
    {
        var created = await Cli.RunAsync("endpoint", "create", "--image", "example/worker:1", "--gpu", "4090", "--workers-min", "1", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("""["ADA_24"]""", created.Json["gpu"]!["pools"]!.ToJsonString());
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Contains("GET", (await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", $"/v2/{id}/health")).Select(r => r["method"]!.GetValue<string>()));

        var run = await Cli.RunAsync("endpoint", "run", id, "--input", """{"prompt":"hi"}""", "--wait");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"prompt":"hi"}""", run.Stdout.Trim());
        Assert.Contains("COMPLETED", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_wait_with_no_min_workers_does_not_hang_and_an_unknown_template_is_exit_3()
    {
        var created = await Cli.RunAsync("endpoint", "create", "--image", "example/worker:1", "--gpu", "ADA_24", "--wait", "--timeout", "2s");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("workers.min 0", created.Stderr, StringComparison.Ordinal);

        var template = await Cli.RunAsync("endpoint", "create", "--template", "nosuchtpl1", "--gpu", "ADA_24");
        Assert.True(template.ExitCode == 3, template.ToString());
        Assert.Contains("template 'nosuchtpl1' not found", template.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_loop_from_a_template()
    {
        using var http = Emulator.Client(ApiKey);
        using var content = new StringContent("""{"name":"t","image":"example/worker:2","serverless":true}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/v2/templates", content);
        var template = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var created = await Cli.RunAsync("endpoint", "create", "--template", template, "--gpu", "4090", "--workers-min", "1", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("example/worker:2", created.Json["image"]!.GetValue<string>());
        var id = created.Json["id"]!.GetValue<string>();
        var run = await Cli.RunAsync("endpoint", "run", id, "--input", """{"prompt":"hi"}""", "--wait");
        Assert.Equal("""{"prompt":"hi"}""", run.Stdout.Trim());
        Assert.Equal(0, (await Cli.RunAsync("endpoint", "delete", id, "--yes")).ExitCode);
        using var gone = await http.GetAsync($"/v2/templates/{template}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task List_and_get_show_request_urls_workers_scaling_and_pools()
    {
        var id = await CreateEndpointAsync("--name", "web", "--workers-max", "4");
        var list = await Cli.RunAsync("endpoint", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("web", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("0-4", list.Stdout, StringComparison.Ordinal);

        var json = await Cli.RunAsync("endpoint", "list", "-o", "json");
        Assert.Equal(id, Assert.Single(json.Json.AsArray())!["id"]!.GetValue<string>());

        var get = await Cli.RunAsync("endpoint", "get", id);
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains($"/v2/{id}/runsync", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("queue delay 4s", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("ADA_24", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("min 0, max 4, idle timeout 10s", get.Stdout, StringComparison.Ordinal);

        var yaml = await Cli.RunAsync("endpoint", "get", id, "-o", "yaml");
        Assert.Contains("flashboot: \"OFF\"", yaml.Stdout, StringComparison.Ordinal);
        var csv = await Cli.RunAsync("endpoint", "list", "-o", "csv");
        Assert.Contains(id, csv.Stdout, StringComparison.Ordinal);

        var missing = await Cli.RunAsync("endpoint", "get", "nosuchendpoint");
        Assert.True(missing.ExitCode == 3, missing.ToString());
    }

    [Fact]
    public async Task Secret_looking_env_values_are_masked_unless_asked()
    {
        var id = await CreateEndpointAsync("--env", "HF_TOKEN=hf_supersecretvalue");
        var get = await Cli.RunAsync("endpoint", "get", id, "-o", "json");
        Assert.DoesNotContain("hf_supersecretvalue", get.Stdout, StringComparison.Ordinal);
        var shown = await Cli.RunAsync("endpoint", "get", id, "-o", "json", "--show-secrets");
        Assert.Contains("hf_supersecretvalue", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_wait_and_workers_report_the_simulated_workers()
    {
        var id = await CreateEndpointAsync("--workers-min", "2");
        var wait = await Cli.RunAsync("endpoint", "wait", id, "--timeout", "30s", "--interval", "0.2");
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Contains("is ready: 2 idle", wait.Stdout, StringComparison.Ordinal);

        var health = await Cli.RunAsync("endpoint", "health", id, "-o", "json");
        Assert.Equal(2, health.Json["workers"]!["idle"]!.GetValue<int>());
        var table = await Cli.RunAsync("endpoint", "health", id);
        Assert.Contains("workers.idle:", table.Stdout, StringComparison.Ordinal);

        var workers = await Cli.RunAsync("endpoint", "workers", id, "-o", "json");
        Assert.Equal(2, workers.Json.AsArray().Count);
        var workersTable = await Cli.RunAsync("endpoint", "workers", id);
        Assert.Contains("IDLE", workersTable.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 worker(s)", workersTable.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_times_out_with_exit_7_when_no_worker_can_start()
    {
        var id = await CreateEndpointAsync("--workers-max", "0");
        var wait = await Cli.RunAsync("endpoint", "wait", id, "--timeout", "1s", "--interval", "0.2s");
        Assert.True(wait.ExitCode == 7, wait.ToString());
        Assert.Contains("timed out", wait.Stderr, StringComparison.Ordinal);
        AssertUsageError(await Cli.RunAsync("endpoint", "wait", id, "--timeout", "never"), "--timeout");
        AssertUsageError(await Cli.RunAsync("endpoint", "wait", id, "--interval", "0"), "--interval");
    }

    [Fact]
    public async Task Delete_asks_mentions_the_template_and_deletes_with_yes()
    {
        var id = await CreateEndpointAsync();
        var refused = await Cli.RunAsync("endpoint", "delete", id);
        AssertUsageError(refused, "--yes");
        Assert.Contains("template", refused.Stderr, StringComparison.Ordinal);

        Cli.Interactive = true;
        Cli.Stdin = "n\n";
        var declined = await Cli.RunAsync("endpoint", "delete", id);
        Assert.True(declined.ExitCode == 1, declined.ToString());
        Assert.Contains("also deletes the template", declined.Stderr, StringComparison.Ordinal);
        Cli.Interactive = false;

        var deleted = await Cli.RunAsync("endpoint", "delete", id, "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Deleted endpoint", deleted.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, (await Cli.RunAsync("endpoint", "get", id)).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("endpoint", "delete", id, "--yes")).ExitCode);
    }
}
