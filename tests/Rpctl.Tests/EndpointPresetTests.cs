using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Endpoint presets: capture → apply (checked at the emulator's request log), --preset/--save-preset, merge rules, bad input.</summary>
public sealed class EndpointPresetTests(EmulatorFixture emulator) : EndpointTestBase(emulator)
{
    private string PresetPath(string name) => Path.Combine(Cli.Home, ".config", "rpctl", "presets", name + ".yaml");

    private async Task<List<JsonObject>> CreateBodiesAsync() =>
        await EmulatorRequests.BodiesAsync(Emulator, ApiKey, "POST", "/v2/serverless");

    [Fact]
    public async Task Capture_from_endpoint_then_apply_sends_an_equivalent_create_request()
    {
        var volume = (await Cli.RunOkAsync("volume", "create", "--name", "models", "--size", "20", "--region", "EU-RO-1", "-o", "json")).Json["id"]!.GetValue<string>();
        var id = await CreateEndpointAsync("--name", "original", "--env", "MODEL=sdxl", "--env", "CONN=a=b,c", "--container-disk", "20",
            "--gpu", "4090", "--gpu", "AMPERE_24", "--exclude-gpu", "L4", "--gpu-count", "2", "--workers-min", "1", "--workers-max", "5",
            "--idle-timeout", "30", "--scaler-value", "2.5", "--region", "EU-RO-1", "--network-volume", volume, "--cuda-version", "12.8",
            "--flashboot", "on", "--execution-timeout", "10m");

        await Cli.RunOkAsync("preset", "save", "like-original", "--from-endpoint", id);
        var shown = (await Cli.RunOkAsync("preset", "show", "like-original", "-o", "json")).Json;
        Assert.Equal("endpoint", shown["kind"]!.GetValue<string>());
        Assert.Equal(["NVIDIA L4"], shown["values"]!["exclude-gpu"]!.AsArray().Select(g => g!.GetValue<string>())); // the type id, not the name typed
        var applied = await Cli.RunOkAsync("preset", "apply", "like-original", "--name", "original", "-o", "json");
        Assert.NotEqual(id, applied.Json["id"]!.GetValue<string>());

        var bodies = await CreateBodiesAsync();
        Assert.Equal(2, bodies.Count);
        Assert.True(JsonNode.DeepEquals(bodies[0], bodies[1]), $"original:\n{bodies[0]}\napplied:\n{bodies[1]}");
        Assert.Equal($"[\"{volume}\"]", bodies[1]["networkVolumes"]!.ToJsonString());
        Assert.Equal("FLASHBOOT", bodies[1]["flashboot"]!.GetValue<string>());
    }

    [Fact]
    public async Task Capture_of_a_load_balancer_endpoint_relying_on_defaults_re_creates_an_equal_endpoint()
    {
        var id = await CreateEndpointAsync("--name", "lb", "--type", "load-balancer", "--scaler-type", "request-count",
            "--scaler-value", "3", "--container-disk", "10", "--execution-timeout", "1500ms");
        await Cli.RunOkAsync("preset", "save", "lb", "--from-endpoint", id);
        var copy = (await Cli.RunOkAsync("endpoint", "create", "--preset", "lb", "--name", "lb", "-o", "json")).Json["id"]!.GetValue<string>();

        // The capture also records what RunPod defaulted (workers, FlashBoot), so the endpoints are equal, not just the requests alike.
        var applied = (await CreateBodiesAsync())[1];
        Assert.Equal("""{"min":0,"max":3,"idleTimeout":10}""", applied["workers"]!.ToJsonString());
        Assert.Equal(1500, applied["timeout"]!.GetValue<int>());
        var original = (await Cli.RunOkAsync("endpoint", "get", id, "-o", "json")).Json.AsObject();
        var recreated = (await Cli.RunOkAsync("endpoint", "get", copy, "-o", "json")).Json.AsObject();
        foreach (var differs in new[] { "id", "createdAt", "requestUrls" })
        {
            original.Remove(differs);
            recreated.Remove(differs);
        }

        Assert.True(JsonNode.DeepEquals(original, recreated), $"original:\n{original}\nrecreated:\n{recreated}");
    }

    [Fact]
    public async Task Flags_override_the_preset_and_env_merges_per_key()
    {
        await Cli.RunOkAsync("endpoint", "create", "--image", "old/worker:1", "--gpu", "ADA_24", "--gpu-count", "2", "--workers-max", "4",
            "--env", "A=1", "--env", "B=2", "--dry-run", "--save-preset", "base");

        await Cli.RunOkAsync("endpoint", "create", "--preset", "base", "--name", "changed", "--image", "new/worker:2", "--cpu", "cpu3c:4",
            "--env", "B=3", "--env", "C=4");

        var body = Assert.Single(await CreateBodiesAsync());
        Assert.Equal("new/worker:2", body["image"]!.GetValue<string>());
        Assert.Null(body["gpu"]); // a typed --cpu replaces the preset's GPU settings
        Assert.Equal("""[{"id":"cpu3c","vcpuCount":4}]""", body["cpu"]!.ToJsonString());
        Assert.Equal(4, body["workers"]!["max"]!.GetValue<int>()); // kept from the preset
        Assert.Equal("""{"A":"1","B":"3","C":"4"}""", body["env"]!.ToJsonString());
    }

    [Fact]
    public async Task Save_preset_writes_after_success_and_keeps_stdout_json()
    {
        var result = await Cli.RunOkAsync("endpoint", "create", "--image", "example/worker:1", "--gpu", "4090", "--save-preset", "saved", "-o", "json");

        Assert.Equal(result.Json["id"]!.GetValue<string>(), JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>()); // stdout is the endpoint alone
        Assert.Contains("saved preset 'saved'", result.Stderr);
        var shown = (await Cli.RunOkAsync("preset", "show", "saved", "-o", "json")).Json;
        Assert.Equal(["ADA_24"], shown["values"]!["gpu"]!.AsArray().Select(g => g!.GetValue<string>())); // the pool, not "4090"
        Assert.Equal("endpoint create flags", shown["source"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PresetPath("saved")));
    }

    [Fact]
    public async Task Save_preset_refuses_an_existing_preset_before_creating_unless_overwrite_preset()
    {
        await Cli.RunOkAsync("endpoint", "create", "--image", "example/worker:1", "--dry-run", "--save-preset", "taken");

        var refused = await Cli.RunAsync("endpoint", "create", "--image", "other/worker:2", "--save-preset", "taken");
        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("--overwrite-preset", refused.Stderr);
        Assert.Empty(await CreateBodiesAsync());
        AssertUsageError(await Cli.RunAsync("endpoint", "create", "--image", "x/y:1", "--overwrite-preset", "--dry-run"), "--overwrite-preset applies only with --save-preset");

        await Cli.RunOkAsync("endpoint", "create", "--image", "other/worker:2", "--save-preset", "taken", "--overwrite-preset");
        Assert.Equal("other/worker:2", (await Cli.RunOkAsync("preset", "show", "taken", "-o", "json")).Json["values"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_preset_is_not_written_when_the_create_fails()
    {
        var result = await Cli.RunAsync("endpoint", "create", "--template", "tplmissing1", "--gpu", "ADA_24", "--save-preset", "never");

        Assert.Equal(3, result.ExitCode);
        Assert.False(File.Exists(PresetPath("never")));
    }

    [Fact]
    public async Task Preset_apply_of_an_endpoint_preset_takes_endpoint_create_flags()
    {
        await Cli.RunOkAsync("endpoint", "create", "--image", "example/worker:1", "--gpu", "ADA_24", "--dry-run", "--save-preset", "ep");

        var dry = await Cli.RunOkAsync("preset", "apply", "ep", "--workers-max", "9", "--dry-run", "-o", "json");
        Assert.Contains("\"max\": 9", dry.Stdout);
        Assert.Empty(await CreateBodiesAsync());

        AssertUsageError(await Cli.RunAsync("preset", "apply", "ep", "--workers-max", "-3"), "--workers-max");
        AssertUsageError(await Cli.RunAsync("preset", "apply", "ep", "--volume-disk", "20"), "--volume-disk"); // a pod create flag
    }

    [Fact]
    public async Task Kinds_do_not_mix_and_bad_presets_name_the_problem()
    {
        await Cli.RunOkAsync("preset", "save", "pod-one", "--gpu", "4090", "--image", "x/y:1");
        AssertUsageError(await Cli.RunAsync("endpoint", "create", "--preset", "pod-one", "--dry-run"), "is a pod preset");
        AssertUsageError(await Cli.RunAsync("endpoint", "create", "--image", "x/y:1", "--save-preset", "bad name", "--dry-run"), "--save-preset");
        Assert.Equal(3, (await Cli.RunAsync("endpoint", "create", "--preset", "missing", "--dry-run")).ExitCode);

        Directory.CreateDirectory(Path.GetDirectoryName(PresetPath("x"))!);
        File.WriteAllText(PresetPath("broken"), "kind: endpoint\nvalues:\n  image: x/y:1\n  workers-max: lots\n");
        AssertUsageError(await Cli.RunAsync("endpoint", "create", "--preset", "broken", "--dry-run"), "preset 'broken' (broken.yaml)");
        File.WriteAllText(PresetPath("unknown"), "kind: endpoint\nvalues:\n  image: x/y:1\n  volume-disk: 5\n");
        AssertUsageError(await Cli.RunAsync("preset", "apply", "unknown", "--dry-run"), "unknown setting 'volume-disk'");
    }
}
