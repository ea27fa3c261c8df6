using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Presets: capture, apply (checked at the emulator's request log), merge rules, storage and bad input.</summary>
public sealed class PresetTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private string PresetPath(string name) => Path.Combine(Cli.Home, ".config", "rpctl", "presets", name + ".yaml");

    private async Task<List<JsonObject>> CreateBodiesAsync() =>
        await EmulatorRequests.BodiesAsync(Emulator, ApiKey, "POST", "/v2/pods");

    [Fact]
    public async Task Capture_from_pod_then_apply_sends_an_equivalent_create_request()
    {
        var id = await CreatePodAsync("--name", "original", "--container-disk", "40", "--volume-disk", "50", "--volume-mount", "/data",
            "--ports", "8888/http,22/tcp", "--env", "MODEL=llama", "--env", "CONN=a=b,c", "--region", "US-TX-3",
            "--docker-start-cmd", "python serve.py", "--cloud-type", "secure");
        await Cli.RunOkAsync("preset", "save", "like-original", "--from-pod", id);
        await Cli.RunOkAsync("preset", "apply", "like-original", "--name", "original", "-o", "json");

        var bodies = await CreateBodiesAsync();
        Assert.Equal(2, bodies.Count);
        Assert.True(JsonNode.DeepEquals(bodies[0], bodies[1]), $"original:\n{bodies[0]}\napplied:\n{bodies[1]}");
        Assert.Equal("NVIDIA GeForce RTX 4090", bodies[1]["gpu"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Captured_preset_stores_gpu_type_id_cloud_and_is_mode_0600()
    {
        var id = await CreatePodAsync("--cloud-type", "secure", "--env", "HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz123456");
        await Cli.RunOkAsync("preset", "save", "cap", "--from-pod", id, "--description", "from a live pod");
        var shown = (await Cli.RunOkAsync("preset", "show", "cap", "-o", "json")).Json;
        Assert.Equal("pod", shown["kind"]!.GetValue<string>());
        Assert.Equal($"pod {id}", shown["source"]!.GetValue<string>());
        Assert.Equal(["NVIDIA GeForce RTX 4090"], shown["values"]!["gpu"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("secure", shown["values"]!["cloud-type"]!.GetValue<string>());
        Assert.Equal("runpod/pytorch:2.8.0", shown["values"]!["image"]!.GetValue<string>());
        Assert.DoesNotContain("hf_abcdefghijklmnopqrstuvwxyz123456", shown.ToJsonString()); // masked on show
        Assert.Contains("hf_abcdefghijklmnopqrstuvwxyz123456", (await Cli.RunOkAsync("preset", "show", "cap", "--show-secrets")).Stdout);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PresetPath("cap")));
    }

    [Fact]
    public async Task Flags_override_the_preset_and_env_merges_per_key()
    {
        await Cli.RunOkAsync("preset", "save", "base", "--gpu", "rtx 4090", "--image", "old/image:1", "--container-disk", "30",
            "--env", "A=1", "--env", "B=2", "--ports", "8888/http");
        var shown = (await Cli.RunOkAsync("preset", "show", "base", "-o", "json")).Json;
        Assert.Equal("NVIDIA GeForce RTX 4090", shown["values"]!["gpu"]![0]!.GetValue<string>()); // the name typed is stored as the type id

        await Cli.RunOkAsync("pod", "create", "--preset", "base", "--image", "new/image:2", "--env", "B=3", "--env", "C=4", "-o", "json");
        var body = (await CreateBodiesAsync()).Single();
        Assert.Equal("new/image:2", body["image"]!.GetValue<string>());
        Assert.Equal(30, body["disk"]!.GetValue<int>());
        Assert.Equal(["8888/http"], body["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
        var env = body["env"]!.AsObject();
        Assert.Equal(("1", "3", "4"), (env["A"]!.GetValue<string>(), env["B"]!.GetValue<string>(), env["C"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_typed_cpu_flag_replaces_the_presets_gpu()
    {
        await Cli.RunOkAsync("preset", "save", "gpu-box", "--gpu", "4090", "--gpu-count", "2", "--image", "ubuntu:24.04");
        await Cli.RunOkAsync("pod", "create", "--preset", "gpu-box", "--cpu", "cpu3c", "-o", "json");
        var body = (await CreateBodiesAsync()).Single();
        Assert.Null(body["gpu"]);
        Assert.Equal("cpu3c", body["cpu"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_preset_only_after_success_and_never_on_stdout_in_json_mode()
    {
        var failed = await Cli.RunAsync("pod", "create", "--gpu", "A30", "--image", "x/y:1", "--save-preset", "never");
        Assert.Equal(5, failed.ExitCode);
        Assert.False(File.Exists(PresetPath("never")));

        var created = await Cli.RunOkAsync("pod", "create", "--gpu", "4090", "--image", "x/y:1", "--save-preset", "after", "-o", "json");
        Assert.StartsWith("pod", created.Json["id"]!.GetValue<string>().Length > 0 ? "pod" : ""); // stdout is exactly one JSON object
        Assert.DoesNotContain("saved preset", created.Stdout);
        Assert.Contains("saved preset 'after'", created.Stderr);
        Assert.True(File.Exists(PresetPath("after")));

        var dry = await Cli.RunOkAsync("pod", "create", "--preset", "after", "--gpu-count", "2", "--dry-run", "--save-preset", "after-2", "-o", "json");
        Assert.NotNull(dry.Json["body"]);
        Assert.Equal(2, (await Cli.RunOkAsync("preset", "show", "after-2", "-o", "json")).Json["values"]!["gpu-count"]!.GetValue<int>());
        Assert.Equal("preset 'after' with pod create flags", (await Cli.RunOkAsync("preset", "show", "after-2", "-o", "json")).Json["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_preset_includes_profile_defaults_that_shaped_the_pod()
    {
        Cli.Environment["RPCTL_REGION"] = "EU-RO-1";
        await Cli.RunOkAsync("pod", "create", "--gpu", "4090", "--image", "x/y:1", "--dry-run", "--save-preset", "eu");
        Assert.Equal(["EU-RO-1"], (await Cli.RunOkAsync("preset", "show", "eu", "-o", "json")).Json["values"]!["region"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task List_show_delete()
    {
        Assert.Equal("[]", (await Cli.RunOkAsync("preset", "list", "-o", "json")).Stdout.Trim());
        await Cli.RunOkAsync("preset", "save", "b", "--gpu", "4090", "--image", "img:1");
        await Cli.RunOkAsync("preset", "save", "a", "--cpu", "cpu3c", "--image", "img:2", "--description", "cheap");
        var list = (await Cli.RunOkAsync("preset", "list")).Stdout;
        Assert.Matches(@"a\s+pod\s+cpu3c  img:2\s+flags\s+cheap", list);
        Assert.Matches(@"b\s+pod\s+NVIDIA GeForce RTX 4090  img:1", list);
        Assert.Contains("image: img:1", (await Cli.RunOkAsync("preset", "show", "b")).Stdout);

        await Cli.RunOkAsync("preset", "delete", "b");
        Assert.Equal(["a"], (await Cli.RunOkAsync("preset", "list", "-o", "json")).Json.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        var gone = await Cli.RunAsync("preset", "delete", "b");
        Assert.Equal(3, gone.ExitCode);
        Assert.Contains("preset 'b' not found (presets: a)", gone.Stderr);
    }

    [Fact]
    public async Task Bad_names_and_values_are_rejected()
    {
        foreach (var bad in new[] { "../escape", "-dash", "has space", "dot.ted", new string('x', 65) })
        {
            AssertUsageError(await Cli.RunAsync("preset", "save", bad, "--gpu", "4090"), "a preset name is");
            AssertUsageError(await Cli.RunAsync("preset", "show", bad), "a preset name is");
            AssertUsageError(await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "i:1", "--save-preset", bad, "--dry-run"), "for --save-preset");
            AssertUsageError(await Cli.RunAsync("pod", "create", "--preset", bad), "for --preset");
        }

        Assert.Equal(3, (await Cli.RunAsync("pod", "create", "--preset", "missing")).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("preset", "apply", "missing")).ExitCode);
        AssertUsageError(await Cli.RunAsync("preset", "save", "empty"), "nothing to save");
        AssertUsageError(await Cli.RunAsync("preset", "save", "x", "--from-pod", "a", "--from-endpoint", "b"), "cannot be used together");
        AssertUsageError(await Cli.RunAsync("preset", "save", "x", "--gpu-count", "99"), "invalid value '99' for --gpu-count");
        AssertUsageError(await Cli.RunAsync("preset", "save", "x", "--env", "1BAD=x", "--gpu", "4090"), "for --env");

        await Cli.RunOkAsync("preset", "save", "dup", "--gpu", "4090");
        Assert.Equal(5, (await Cli.RunAsync("preset", "save", "dup", "--gpu", "4090")).ExitCode);
        await Cli.RunOkAsync("preset", "save", "dup", "--gpu", "a40", "--overwrite");
    }

    [Theory]
    [InlineData("--gpu 4090 --ports 99999/http", "99999")]
    [InlineData("--gpu 4090 --ports 8888/xyz", "8888/xyz")]
    [InlineData("--gpu 4090 --region MARS-1", "--region")]
    [InlineData("--cpu cpu3c --vcpu 3", "--vcpu")]
    [InlineData("--gpu 4090 --bid 0.2", "--bid needs --spot")]
    [InlineData("--gpu 4090 --cpu cpu3c", "--gpu and --cpu cannot be used together")]
    public async Task Save_rejects_what_pod_create_would_reject(string flags, string message)
    {
        AssertUsageError(await Cli.RunAsync(["preset", "save", "bad", .. flags.Split(' ')]), message);
        Assert.False(File.Exists(PresetPath("bad")));
        // The same words are rejected by pod create itself.
        AssertUsageError(await Cli.RunAsync(["pod", "create", "--image", "i:1", .. flags.Split(' '), "--dry-run"]), message);
    }

    [Fact]
    public async Task Save_preset_on_create_refuses_to_overwrite_before_creating_anything()
    {
        await Cli.RunOkAsync("preset", "save", "taken", "--gpu", "a40");
        var before = await File.ReadAllTextAsync(PresetPath("taken"));

        var refused = await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "x/y:1", "--save-preset", "taken");
        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("preset 'taken' already exists; pass --overwrite-preset", refused.Stderr);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"));
        Assert.Equal(before, await File.ReadAllTextAsync(PresetPath("taken")));

        AssertUsageError(await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "x/y:1", "--overwrite-preset", "--dry-run"), "--overwrite-preset applies only with --save-preset");

        await Cli.RunOkAsync("pod", "create", "--gpu", "4090", "--image", "x/y:1", "--save-preset", "taken", "--overwrite-preset", "--dry-run");
        Assert.NotEqual(before, await File.ReadAllTextAsync(PresetPath("taken")));
    }

    [Fact]
    public async Task Hand_edited_presets_get_the_same_validation_as_flags()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PresetPath("x"))!);
        File.WriteAllText(PresetPath("disk"), "kind: pod\nvalues:\n  gpu: [NVIDIA GeForce RTX 4090]\n  image: a:1\n  container-disk: lots\n");
        AssertUsageError(await Cli.RunAsync("preset", "apply", "disk", "--dry-run"), "preset 'disk' (disk.yaml): invalid value 'lots' for --container-disk");
        File.WriteAllText(PresetPath("unknown"), "kind: pod\nvalues:\n  colour: red\n");
        AssertUsageError(await Cli.RunAsync("pod", "create", "--preset", "unknown", "--dry-run"), "preset 'unknown' has an unknown setting 'colour'");
        File.WriteAllText(PresetPath("flag"), "kind: pod\nvalues:\n  gpu: [A40]\n  image: a:1\n  no-ssh: maybe\n");
        AssertUsageError(await Cli.RunAsync("pod", "create", "--preset", "flag", "--dry-run"), "invalid value 'maybe' for no-ssh: expected true or false");
        File.WriteAllText(PresetPath("ep"), "kind: endpoint\nvalues:\n  templateId: t1\n");
        AssertUsageError(await Cli.RunAsync("pod", "create", "--preset", "ep", "--dry-run"), "is a endpoint preset");
        AssertUsageError(await Cli.RunAsync("preset", "apply", "ep"), "unknown setting 'templateId'");
    }

    [Fact]
    public async Task Capture_of_a_missing_pod_or_endpoint_is_not_found()
    {
        var pod = await Cli.RunAsync("preset", "save", "x", "--from-pod", "nosuchpod");
        Assert.Equal(3, pod.ExitCode);
        Assert.Contains("pod 'nosuchpod' not found", pod.Stderr);

        var endpoint = await Cli.RunAsync("preset", "save", "x", "--from-endpoint", "ep_missing");
        Assert.Equal(3, endpoint.ExitCode);
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/serverless/ep_missing"));
        Assert.False(File.Exists(PresetPath("x")));
    }
}
