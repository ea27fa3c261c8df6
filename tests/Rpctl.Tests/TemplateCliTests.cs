using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class TemplateCliTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private async Task<string> CreateTemplateAsync(params string[] extra)
    {
        string[] name = extra.Contains("--name") ? [] : ["--name", "torch"];
        var result = await Cli.RunAsync(["template", "create", .. name, "--image", "runpod/pytorch:2.8.0", "-o", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Create_sends_every_field_and_prints_the_v2_object()
    {
        File.WriteAllText(Path.Combine(Cli.Home, "README.md"), "# Torch\nread me");
        var result = await Cli.RunAsync("template", "create", "--name", "torch", "--image", "runpod/pytorch:2.8.0", "--serverless",
            "--container-disk", "30", "--volume-disk", "25", "--volume-mount-path", "/data", "--ports", "8888/http,22/tcp",
            "--env", "A=1", "--env", "B=x=y", "--docker-start-cmd", "python serve.py", "--registry-auth", "creg123",
            "--readme", "@README.md", "--cuda-version", "12.8,12.6", "--no-ssh", "--no-jupyter", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/templates");
        Assert.Equal("""{"name":"torch","image":"runpod/pytorch:2.8.0","disk":30,"args":"python serve.py","ports":["8888/http","22/tcp"],"allowedCudaVersions":["12.8","12.6"],"startSsh":false,"startJupyter":false,"env":{"A":"1","B":"x=y"},"mounts":{"persistent":{"size":25,"path":"/data"}},"registry":"creg123","serverless":true}""",
            body.ToJsonString());
        Assert.Equal("torch", result.Json["name"]!.GetValue<string>());
        Assert.True(result.Json["serverless"]!.GetValue<bool>());
        var readme = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Equal("# Torch\nread me", readme["variables"]!["input"]!["readme"]!.GetValue<string>());
        Assert.Equal(result.Json["id"]!.GetValue<string>(), readme["variables"]!["input"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Setting_the_readme_keeps_every_other_field_although_saveTemplate_resets_omitted_ones()
    {
        string[] fields = ["--image", "runpod/pytorch:2.8.0", "--serverless", "--container-disk", "30", "--volume-disk", "25",
            "--volume-mount-path", "/data", "--ports", "8888/http,22/tcp", "--env", "A=1", "--env", "B=x=y",
            "--docker-start-cmd", "python serve.py", "--registry-auth", "creg123", "--cuda-version", "12.8,12.6"];
        var created = await Cli.RunAsync(["template", "create", "--name", "torch", .. fields, "--readme", "first", "-o", "json"]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();

        var afterCreate = await Cli.RunAsync("template", "get", id, "-o", "json");
        Assert.Equal(created.Json.ToJsonString(), afterCreate.Json.ToJsonString());
        Assert.Contains("\"path\":\"/data\"", afterCreate.Stdout.Replace(" ", ""));
        Assert.True(afterCreate.Json["startSsh"]!.GetValue<bool>());
        Assert.True(afterCreate.Json["startJupyter"]!.GetValue<bool>());

        var updated = await Cli.RunAsync("template", "update", id, "--name", "torch2", "--readme", "second", "-o", "json");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        var afterUpdate = await Cli.RunAsync("template", "get", id, "-o", "json");
        var expected = created.Json.AsObject();
        expected["name"] = "torch2";
        Assert.Equal(expected.ToJsonString(), afterUpdate.Json.ToJsonString());
        var saves = await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Equal(["first", "second"], saves.Select(r => r["body"]!["variables"]!["input"]!["readme"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Readme_text_is_sent_as_given()
    {
        await CreateTemplateAsync("--readme", "plain words");

        var readme = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Equal("plain words", readme["variables"]!["input"]!["readme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_prints_both_requests_and_sends_nothing()
    {
        var result = await Cli.RunAsync("template", "create", "--name", "t", "--image", "i:1", "--readme", "hi", "--dry-run", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var steps = result.Json.AsArray();
        Assert.Equal("POST", steps[0]!["method"]!.GetValue<string>());
        Assert.EndsWith("/v2/templates", steps[0]!["url"]!.GetValue<string>());
        Assert.Equal("graphql", steps[1]!["surface"]!.GetValue<string>());
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey));
    }

    [Theory]
    [InlineData(new[] { "--image", "i:1" }, "--name")]
    [InlineData(new[] { "--name", "t" }, "--image")]
    [InlineData(new[] { "--name", " ", "--image", "i:1" }, "--name")]
    [InlineData(new[] { "--name", "t", "--image", "has space" }, "--image")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--container-disk", "0" }, "--container-disk")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--container-disk", "big" }, "--container-disk")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--volume-disk", "5" }, "--volume-disk")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--volume-mount-path", "/data" }, "--volume-disk")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--volume-disk", "20", "--volume-mount-path", "data" }, "--volume-mount-path")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--ports", "8888/udp" }, "--ports")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--env", "NOEQUALS" }, "--env")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--cuda-version", "12" }, "--cuda-version")]
    [InlineData(new[] { "--name", "t", "--image", "i:1", "--readme", "@missing.md" }, "--readme")]
    public async Task Bad_create_values_exit_2_and_send_nothing(string[] args, string mentions)
    {
        AssertUsageError(await Cli.RunAsync(["template", "create", .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"));
    }

    [Fact]
    public async Task List_shows_own_and_public_lists_the_catalog_by_source()
    {
        var id = await CreateTemplateAsync();

        var own = await Cli.RunAsync("template", "list", "-o", "json");
        Assert.Equal([id], own.Json.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        var table = await Cli.RunAsync("template", "list");
        Assert.Contains("ID", table.Stdout);
        Assert.Contains(id, table.Stdout);
        Assert.Contains("private", table.Stdout);

        var official = await Cli.RunAsync("template", "list", "--public", "-o", "json");
        Assert.Contains(official.Json.AsArray(), t => t!["id"]!.GetValue<string>() == "30zmvf89kd");
        var verified = await Cli.RunAsync("template", "list", "--public", "--source", "verified", "-o", "json");
        Assert.DoesNotContain(verified.Json.AsArray(), t => t!["id"]!.GetValue<string>() == "30zmvf89kd");
        Assert.Contains(await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/catalog/templates"),
            r => (r["query"]?.ToString() ?? "").Contains("source=verified"));
    }

    [Theory]
    [InlineData("csv", "id,name")]
    [InlineData("yaml", "id: ")]
    public async Task List_in_other_formats(string format, string expected)
    {
        await CreateTemplateAsync();

        var result = await Cli.RunAsync("template", "list", "-o", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expected, result.Stdout);
    }

    [Fact]
    public async Task Bad_source_exits_2()
    {
        AssertUsageError(await Cli.RunAsync("template", "list", "--public", "--source", "popular"), "--source");
    }

    [Fact]
    public async Task Search_finds_own_and_public_templates_once()
    {
        var mine = await CreateTemplateAsync("--name", "my pytorch");

        var result = await Cli.RunAsync("template", "search", "PYTORCH", "-o", "json");

        var ids = result.Json.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(mine, ids);
        Assert.Contains("30zmvf89kd", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("cmfyui7w2e", ids);
        Assert.Equal("[]", (await Cli.RunAsync("template", "search", "zzz-nothing", "-o", "json")).Stdout.Trim());
        AssertUsageError(await Cli.RunAsync("template", "search", " "), "TERM");
    }

    [Fact]
    public async Task Get_shows_own_and_public_and_masks_secret_env()
    {
        var id = await CreateTemplateAsync("--env", "HF_TOKEN=hf_abcdefghijklmnop", "--env", "MODE=fast");

        var table = await Cli.RunAsync("template", "get", id);
        Assert.Contains("MODE=fast", table.Stdout);
        Assert.DoesNotContain("hf_abcdefghijklmnop", table.Stdout);
        Assert.Contains("hf_abcdefghijklmnop", (await Cli.RunAsync("template", "get", id, "--show-secrets", "-o", "json")).Stdout);
        Assert.Equal(0, (await Cli.RunAsync("template", "get", "30zmvf89kd")).ExitCode);

        var missing = await Cli.RunAsync("template", "get", "nosuchtpl0");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("template 'nosuchtpl0' not found", missing.Stderr);
    }

    [Fact]
    public async Task Update_merges_env_by_default_replaces_when_asked_and_unsets()
    {
        var id = await CreateTemplateAsync("--env", "A=1", "--env", "B=2");

        await Cli.RunAsync("template", "update", id, "--env", "C=3", "--unset-env", "A");
        var merged = await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH", $"/v2/templates/{id}");
        Assert.Equal("""{"env":{"B":"2","C":"3"}}""", merged.Single()["body"]!.ToJsonString());

        var replaced = await Cli.RunAsync("template", "update", id, "--replace-env", "--env", "ONLY=x", "-o", "json");
        Assert.Equal("""{"ONLY":"x"}""", replaced.Json["env"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_sends_only_the_given_fields_and_toggles()
    {
        var id = await CreateTemplateAsync("--volume-disk", "20", "--no-ssh");

        var result = await Cli.RunAsync("template", "update", id, "--name", "renamed", "--image", "i:2", "--volume-mount-path", "/data",
            "--ssh", "--no-jupyter", "--pod", "--registry-auth", "none", "--cuda-version", "any", "--ports", "22/tcp", "--container-disk", "40", "--docker-start-cmd", "go");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = (await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH", $"/v2/templates/{id}")).Single()["body"]!;
        Assert.Equal("""{"name":"renamed","image":"i:2","disk":40,"args":"go","ports":["22/tcp"],"allowedCudaVersions":[],"startJupyter":false,"serverless":false,"startSsh":true,"registry":null,"mounts":{"persistent":{"size":20,"path":"/data"}}}""",
            body.ToJsonString());
        Assert.Contains($"Updated template {id} (renamed)", result.Stdout);
    }

    [Theory]
    [InlineData(new string[0], "nothing to update")]
    [InlineData(new[] { "--ssh", "--no-ssh" }, "--ssh")]
    [InlineData(new[] { "--serverless", "--pod" }, "--serverless")]
    [InlineData(new[] { "--replace-env", "--unset-env", "A" }, "--replace-env")]
    [InlineData(new[] { "--unset-env", "NOPE" }, "--unset-env")]
    [InlineData(new[] { "--volume-mount-path", "/x" }, "--volume-disk")]
    [InlineData(new[] { "--cuda-version", "twelve" }, "--cuda-version")]
    [InlineData(new[] { "--name", "" }, "--name")]
    public async Task Bad_update_values_exit_2(string[] args, string mentions)
    {
        var id = await CreateTemplateAsync();

        AssertUsageError(await Cli.RunAsync(["template", "update", id, .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH"));
    }

    [Fact]
    public async Task Update_dry_run_sends_nothing()
    {
        var id = await CreateTemplateAsync();

        var result = await Cli.RunAsync("template", "update", id, "--name", "x", "--dry-run");

        Assert.Contains($"PATCH ", result.Stdout);
        Assert.Contains("\"name\": \"x\"", result.Stdout);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PATCH"));
    }

    [Fact]
    public async Task Update_of_a_public_template_is_not_found()
    {
        var result = await Cli.RunAsync("template", "update", "30zmvf89kd", "--name", "mine now");

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Delete_in_use_exits_5_naming_the_pod_then_succeeds_once_it_is_gone()
    {
        var id = await CreateTemplateAsync();
        var pod = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--template", id, "-o", "json");
        Assert.True(pod.ExitCode == 0, pod.ToString());
        var podId = pod.Json["id"]!.GetValue<string>();
        Assert.Equal("runpod/pytorch:2.8.0", pod.Json["image"]!.GetValue<string>());

        var refused = await Cli.RunAsync("template", "delete", id, "--yes");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains($"pod {podId}", refused.Stderr);
        Assert.Equal("", refused.Stdout);

        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", podId, "--yes")).ExitCode);
        var deleted = await Cli.RunAsync("template", "delete", id, "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains($"Deleted template {id}", deleted.Stdout);
    }

    [Fact]
    public async Task Delete_asks_first_and_refuses_without_a_terminal()
    {
        var id = await CreateTemplateAsync();

        AssertUsageError(await Cli.RunAsync("template", "delete", id), "--yes");
        Cli.Interactive = true;
        Cli.Stdin = "n\n";
        Assert.Equal(1, (await Cli.RunAsync("template", "delete", id)).ExitCode);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "DELETE"));
    }

    [Fact]
    public async Task Delete_of_a_public_template_is_refused_as_not_yours()
    {
        var result = await Cli.RunAsync("template", "delete", "30zmvf89kd", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("public template you do not own", result.Stderr);
    }
}
