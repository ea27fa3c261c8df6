using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Flag beats environment beats the selected profile beats the built-in default, for every setting.</summary>
public sealed class ConfigPrecedenceTests(EmulatorFixture emulator) : ConfigTestBase(emulator)
{
    [Fact]
    public async Task Output_flag_beats_env_beats_profile_beats_default()
    {
        await InitProfileAsync("default", ApiKey, "output=yaml");

        // The profile's output: yaml really changes what commands print.
        var yaml = await Cli.RunOkAsync("config", "path", "--local");
        Assert.StartsWith("config:", yaml.Stdout);

        Cli.Environment["RPCTL_OUTPUT"] = "csv";
        var csv = await Cli.RunOkAsync("config", "show");
        Assert.StartsWith("key,value,source", csv.Stdout);

        var json = await Cli.RunOkAsync("config", "show", "-o", "json");
        Assert.StartsWith("[", json.Stdout);
        var row = json.Json.AsArray().Single(r => r!["key"]!.GetValue<string>() == "output")!;
        Assert.Equal("flag --output", row["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Output_default_is_table_and_profile_layer_is_reported()
    {
        var table = await Cli.RunOkAsync("config", "show");
        Assert.Matches(@"output\s+table\s+default", table.Stdout);
        await InitProfileAsync("default", ApiKey, "output=yaml");
        var yaml = await Cli.RunOkAsync("config", "show");
        Assert.Contains("- key: output\n  value: yaml\n  source: \"profile 'default'", yaml.Stdout);
        Cli.Environment["RPCTL_OUTPUT"] = "json";
        var fromEnv = (await Cli.RunOkAsync("config", "show")).Json.AsArray().Single(r => r!["key"]!.GetValue<string>() == "output")!;
        Assert.Equal("environment variable RPCTL_OUTPUT", fromEnv["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_key_env_beats_profile_key_beats_runpod_toml()
    {
        var tomlKey = EmulatorFixture.NewApiKey();
        Directory.CreateDirectory(Path.Combine(Cli.Home, ".runpod"));
        File.WriteAllText(Path.Combine(Cli.Home, ".runpod", "config.toml"), $"apikey = \"{tomlKey}\"\n");
        Assert.Equal(Path.Combine(Cli.Home, ".runpod", "config.toml"), (await ShowAsync("api_key")).Source);
        await AssertKeyUsedAsync(tomlKey);

        var profileKey = EmulatorFixture.NewApiKey();
        await InitProfileAsync("default", profileKey);
        Assert.StartsWith("profile 'default'", (await ShowAsync("api_key")).Source);
        await AssertKeyUsedAsync(profileKey);

        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        Assert.Equal("environment variable RUNPOD_API_KEY", (await ShowAsync("api_key")).Source);
        await AssertKeyUsedAsync(ApiKey);
    }

    [Fact]
    public async Task Api_url_flag_beats_env_beats_profile_beats_default()
    {
        Cli.Environment.Remove("RUNPOD_API_URL");
        Assert.Equal(("https://api.runpod.io", "default"), await ShowAsync("api_url"));
        await InitProfileAsync("default", ApiKey, $"api_url={Emulator.BaseAddress}");
        var fromProfile = await ShowAsync("api_url");
        Assert.Equal(Emulator.BaseAddress.ToString().TrimEnd('/'), fromProfile.Value);
        Assert.StartsWith("profile 'default'", fromProfile.Source);
        await AssertKeyUsedAsync(ApiKey); // the profile's api_url is really used: the emulator saw the call

        Cli.Environment["RUNPOD_API_URL"] = "http://127.0.0.1:9";
        Assert.Equal(("http://127.0.0.1:9", "environment variable RUNPOD_API_URL"), await ShowAsync("api_url"));
        Assert.Equal((Emulator.BaseAddress.ToString().TrimEnd('/'), "flag --api-url"),
            await ShowAsync("api_url", "--api-url", Emulator.BaseAddress.ToString().TrimEnd('/')));
    }

    [Fact]
    public async Task Profile_flag_beats_env_beats_active_profile_beats_default()
    {
        Assert.Equal(("default", "default"), await ShowAsync("profile"));
        await InitProfileAsync("a", ApiKey);
        await InitProfileAsync("b", EmulatorFixture.NewApiKey());
        await InitProfileAsync("c", EmulatorFixture.NewApiKey());
        Assert.Equal(("a", "active_profile in config.yaml"), await ShowAsync("profile"));
        Cli.Environment["RPCTL_PROFILE"] = "b";
        Assert.Equal(("b", "environment variable RPCTL_PROFILE"), await ShowAsync("profile"));
        Assert.Equal(("c", "flag --profile"), await ShowAsync("profile", "--profile", "c"));
    }

    [Fact]
    public async Task Pod_create_defaults_flag_beats_env_beats_profile_beats_builtin()
    {
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        var builtin = await CreateBodyAsync("--gpu", "4090");
        Assert.Equal("SECURE", builtin["cloud"]!.GetValue<string>());
        Assert.Null(builtin["dataCenterIds"]);

        await InitProfileAsync("default", ApiKey, "cloud_type=community", "region=eu-ro-1", "gpu=NVIDIA A40");
        var profile = await CreateBodyAsync();
        Assert.Equal("COMMUNITY", profile["cloud"]!.GetValue<string>());
        Assert.Equal(["EU-RO-1"], profile["dataCenterIds"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("NVIDIA A40", profile["gpu"]!["id"]!.GetValue<string>());

        Cli.Environment["RPCTL_CLOUD_TYPE"] = "secure";
        Cli.Environment["RPCTL_REGION"] = "US-TX-3";
        Cli.Environment["RPCTL_GPU"] = "RTX 4090";
        var env = await CreateBodyAsync();
        Assert.Equal("SECURE", env["cloud"]!.GetValue<string>());
        Assert.Equal(["US-TX-3"], env["dataCenterIds"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("NVIDIA GeForce RTX 4090", env["gpu"]!["id"]!.GetValue<string>());

        var flags = await CreateBodyAsync("--cloud-type", "community", "--region", "US-KS-2", "--gpu", "A40");
        Assert.Equal("COMMUNITY", flags["cloud"]!.GetValue<string>());
        Assert.Equal(["US-KS-2"], flags["dataCenterIds"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("NVIDIA A40", flags["gpu"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stored_gpu_default_does_not_block_a_cpu_pod()
    {
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        await InitProfileAsync("default", ApiKey, "gpu=RTX 4090");
        var body = await CreateBodyAsync("--cpu", "cpu3c", "--vcpu", "2");
        Assert.Null(body["gpu"]);
        Assert.Equal("cpu3c", body["cpu"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_gpu_default_is_blamed_on_the_setting_and_its_file_not_on_the_gpu_flag()
    {
        await Cli.RunOkAsync("config", "set", "gpu", "nonexistentgpu");
        var create = await Cli.RunAsync("pod", "create", "--image", "i:1", "--dry-run");
        AssertUsageError(create, $"unknown GPU type 'nonexistentgpu' for setting gpu in profile 'default' ({ConfigPath})");
        Assert.DoesNotContain("for --gpu", create.Stderr);
        // A typed --gpu wins, so the bad default does not matter.
        Assert.Equal(0, (await Cli.RunAsync("pod", "create", "--image", "i:1", "--gpu", "4090", "--dry-run")).ExitCode);

        Cli.Environment["RPCTL_GPU"] = "alsobad";
        AssertUsageError(await Cli.RunAsync("pod", "create", "--image", "i:1", "--dry-run"), "unknown GPU type 'alsobad' for environment variable RPCTL_GPU");
    }

    [Fact]
    public async Task Pod_create_defaults_are_checked_only_by_commands_that_use_them()
    {
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        Cli.Environment["RPCTL_CLOUD_TYPE"] = "bad";
        var list = await Cli.RunAsync("pod", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        AssertUsageError(await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "i:1", "--dry-run"), "invalid value 'bad' for environment variable RPCTL_CLOUD_TYPE");
        Assert.Equal(0, (await Cli.RunAsync("pod", "create", "--gpu", "4090", "--image", "i:1", "--cloud-type", "secure", "--dry-run")).ExitCode);
    }

    [Fact]
    public async Task Bad_values_in_env_and_profile_name_their_source()
    {
        Cli.Environment["RPCTL_OUTPUT"] = "xml";
        AssertUsageError(await Cli.RunAsync("config", "show"), "invalid value 'xml' for environment variable RPCTL_OUTPUT");
        Cli.Environment.Remove("RPCTL_OUTPUT");
        foreach (var (variable, value) in new[] { ("RPCTL_CLOUD_TYPE", "cheap"), ("RPCTL_REGION", "texas"), ("RUNPOD_API_URL", "ftp://x") })
        {
            Cli.Environment[variable] = value;
            AssertUsageError(await Cli.RunAsync("config", "show"), $"invalid value '{value}' for environment variable {variable}");
            Cli.Environment.Remove(variable);
        }

        Directory.CreateDirectory(ConfigDir);
        File.WriteAllText(ConfigPath, "profiles:\n  default:\n    cloud_type: cheap\n");
        AssertUsageError(await Cli.RunAsync("config", "show"), "invalid value 'cheap' for setting cloud_type in profile 'default'");

        Cli.Environment["RPCTL_PROFILE"] = "missing";
        var missing = await Cli.RunAsync("config", "show");
        Assert.True(missing.ExitCode == 0, missing.ToString()); // config show is how the user finds out: it warns instead
        Assert.Contains("profile 'missing' (environment variable RPCTL_PROFILE) does not exist", missing.Stderr);
        Assert.Equal(3, (await Cli.RunAsync("pod", "list")).ExitCode);
        Cli.Environment["RPCTL_PROFILE"] = "bad name!";
        AssertUsageError(await Cli.RunAsync("config", "show"), "invalid value 'bad name!' for environment variable RPCTL_PROFILE");
        AssertUsageError(await Cli.RunAsync("--profile", "../x", "config", "show"), "invalid value '../x' for --profile");
    }

    private async Task AssertKeyUsedAsync(string key)
    {
        var before = (await EmulatorRequests.ListAsync(Emulator, key, "GET", "/v2/pods")).Count;
        await Cli.RunOkAsync("pod", "list", "-o", "json");
        Assert.Equal(before + 1, (await EmulatorRequests.ListAsync(Emulator, key, "GET", "/v2/pods")).Count);
    }

    /// <summary>The body pod create would send (--dry-run prints exactly that; no capacity luck involved).</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> CreateBodyAsync(params string[] extra)
    {
        var result = await Cli.RunAsync(["pod", "create", "--image", "runpod/pytorch:2.8.0", "--dry-run", "-o", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["body"]!.AsObject();
    }
}
