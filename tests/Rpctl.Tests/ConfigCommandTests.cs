using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>config init/show/get/set/unset/path/set-key and auth status, with the files they leave behind.</summary>
public sealed class ConfigCommandTests(EmulatorFixture emulator) : ConfigTestBase(emulator)
{
    [Fact]
    public async Task No_config_file_is_needed_and_help_version_completion_never_read_it()
    {
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        await Cli.RunOkAsync("pod", "list");
        Assert.False(Directory.Exists(ConfigDir), "a read-only command must not create the config directory");

        Directory.CreateDirectory(ConfigDir);
        File.WriteAllText(ConfigPath, "profiles: [unclosed\n");
        Assert.Equal(1, (await Cli.RunAsync("config", "show")).ExitCode); // proves the broken file is read when needed
        await Cli.RunOkAsync("--help");
        await Cli.RunOkAsync("pod", "create", "--help");
        await Cli.RunOkAsync("--version");
        await Cli.RunOkAsync("completion", "bash");
    }

    [Fact]
    public async Task Init_non_interactive_writes_profile_and_key_file_mode_0600()
    {
        Cli.Stdin = ApiKey + "\n";
        var result = await Cli.RunOkAsync("config", "init", "--api-key-stdin", "--profile", "ci", "--set", "cloud_type=COMMUNITY", "--set", "output=json");
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain(ApiKey, result.Stderr);
        Assert.Contains("rpa_…" + ApiKey[^3..], result.Stderr);

        var config = File.ReadAllText(ConfigPath);
        Assert.Contains("active_profile: ci", config);
        Assert.Contains("cloud_type: community", config);
        Assert.DoesNotContain(ApiKey, config);
        Assert.Contains(ApiKey, File.ReadAllText(CredentialsPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ConfigDir));
        }

        // The stored key and output really work: -o json comes from the profile.
        var pods = await Cli.RunOkAsync("pod", "list");
        Assert.Equal("[]", pods.Stdout.Trim());
    }

    [Fact]
    public async Task Init_twice_keeps_other_profiles_and_their_keys()
    {
        var otherKey = EmulatorFixture.NewApiKey();
        await InitProfileAsync("default", ApiKey, "region=US-TX-3");
        await InitProfileAsync("work", otherKey, "cloud_type=community");
        await InitProfileAsync("default", EmulatorFixture.NewApiKey(), "output=yaml");

        var list = (await Cli.RunOkAsync("config", "profile", "list", "-o", "json")).Json.AsArray();
        Assert.Equal(["default", "work"], list.Select(p => p!["name"]!.GetValue<string>()));
        var work = list.Single(p => p!["name"]!.GetValue<string>() == "work")!;
        Assert.Equal("community", work["settings"]!["cloud_type"]!.GetValue<string>());
        Assert.Equal("rpa_…" + otherKey[^3..], work["apiKey"]!.GetValue<string>());
        var def = list.Single(p => p!["name"]!.GetValue<string>() == "default")!;
        Assert.Equal("US-TX-3", def["settings"]!["region"]!.GetValue<string>()); // earlier settings of the same profile survive too
        Assert.Equal("yaml", def["settings"]!["output"]!.GetValue<string>());
        Assert.Contains(otherKey, File.ReadAllText(CredentialsPath));
    }

    [Fact]
    public async Task Init_interactive_reads_profile_key_and_defaults_from_the_terminal()
    {
        Cli.Interactive = true;
        Cli.Stdin = $"lab\n{ApiKey}\nall\nnot-a-region\neu-ro-1\n\n";
        var result = await Cli.RunOkAsync("config", "init");
        Assert.Contains("Profile name [default]:", result.Stderr);
        Assert.Contains("input hidden", result.Stderr);
        Assert.Contains("'not-a-region' is not valid for region", result.Stderr);
        Assert.DoesNotContain(ApiKey, result.Stderr);

        Cli.Interactive = false;
        Assert.Equal(("lab", "active_profile in config.yaml"), await ShowAsync("profile"));
        Assert.Equal("all", (await ShowAsync("cloud_type")).Value);
        Assert.Equal("EU-RO-1", (await ShowAsync("region")).Value);
        Assert.Equal("rpa_…" + ApiKey[^3..], (await ShowAsync("api_key")).Value);
    }

    [Fact]
    public async Task Init_without_terminal_or_key_still_works()
    {
        var result = await Cli.RunOkAsync("config", "init", "--set", "gpu=RTX 4090");
        Assert.Contains("no key stored", result.Stderr);
        Assert.False(File.Exists(CredentialsPath));
        Assert.Equal("RTX 4090", (await Cli.RunOkAsync("config", "get", "gpu")).Stdout.Trim());
    }

    [Fact]
    public async Task Show_masks_the_key_and_names_every_source()
    {
        await InitProfileAsync("default", ApiKey);
        var table = await Cli.RunOkAsync("config", "show");
        Assert.DoesNotContain(ApiKey, table.Stdout);
        Assert.Matches(@"api_key\s+rpa_…" + ApiKey[^3..] + @"\s+profile 'default' \(.*credentials\.yaml\)", table.Stdout);
        Assert.Matches(@"cloud_type\s+default", table.Stdout);
        var keys = (await Cli.RunOkAsync("config", "show", "-o", "json")).Json.AsArray().Select(r => r!["key"]!.GetValue<string>());
        Assert.Equal(["profile", "api_key", "api_url", "output", "cloud_type", "region", "gpu", "retries", "retry_budget", "request_timeout", "deadline"], keys);
    }

    [Fact]
    public async Task Get_set_unset_known_keys_with_canonical_values()
    {
        await Cli.RunOkAsync("config", "set", "cloud_type", "COMMUNITY");
        await Cli.RunOkAsync("config", "set", "region", "us-tx-3, eu-ro-1");
        await Cli.RunOkAsync("config", "set", "output", "YML");
        await Cli.RunOkAsync("config", "set", "gpu", "RTX 4090,A40");
        await Cli.RunOkAsync("config", "set", "api-url", "http://127.0.0.1:8787/");
        Assert.Equal("community", (await Cli.RunOkAsync("config", "get", "cloud_type")).Stdout.Trim());
        Assert.Equal("US-TX-3,EU-RO-1", (await Cli.RunOkAsync("config", "get", "region")).Stdout.Trim());
        Assert.Equal("yaml", (await Cli.RunOkAsync("config", "get", "output")).Stdout.Trim());
        Assert.Equal("RTX 4090,A40", (await Cli.RunOkAsync("config", "get", "gpu")).Stdout.Trim());
        Assert.Equal("http://127.0.0.1:8787", (await Cli.RunOkAsync("config", "get", "api_url")).Stdout.Trim());

        await Cli.RunOkAsync("config", "unset", "region");
        var missing = await Cli.RunAsync("config", "get", "region");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("region is not set in profile 'default'", missing.Stderr);
        Assert.Contains("was not set", (await Cli.RunOkAsync("config", "unset", "region")).Stderr);
    }

    [Theory]
    [InlineData("output", "xml", "expected one of table, json, yaml, csv")]
    [InlineData("cloud_type", "cheap", "expected one of secure, community, all")]
    [InlineData("region", "Texas", "expected data center ids")]
    [InlineData("region", ",", "expected data center ids")]
    [InlineData("api_url", "ftp://example.com", "expected an http(s) URL")]
    [InlineData("api_url", "not a url", "expected an http(s) URL")]
    [InlineData("gpu", " , ", "expected GPU type ids or names")]
    public async Task Set_rejects_bad_values_for_every_key(string key, string value, string valid)
    {
        AssertUsageError(await Cli.RunAsync("config", "set", key, value), $"invalid value '{value}' for {key}: {valid}");
        AssertUsageError(await Cli.RunAsync("config", "init", "--set", $"{key}={value}"), $"invalid value '{value}' for --set {key}");
        AssertUsageError(await Cli.RunAsync("config", "profile", "add", "p", "--set", $"{key}={value}"), $"invalid value '{value}' for --set {key}");
        Assert.False(File.Exists(ConfigPath), "a rejected value must not be written");
    }

    [Fact]
    public async Task Unknown_keys_and_the_api_key_are_refused()
    {
        AssertUsageError(await Cli.RunAsync("config", "set", "colour", "red"), "invalid value 'colour' for KEY: expected one of api_url, output, cloud_type, region, gpu");
        AssertUsageError(await Cli.RunAsync("config", "get", "colour"), "invalid value 'colour' for KEY");
        AssertUsageError(await Cli.RunAsync("config", "unset", "colour"), "invalid value 'colour' for KEY");
        AssertUsageError(await Cli.RunAsync("config", "set", "api_key", "rpa_123456789"), "use 'rpctl config set-key'");
        AssertUsageError(await Cli.RunAsync("config", "init", "--set", "noequals"), "invalid value 'noequals' for --set: expected KEY=VALUE");
        AssertUsageError(await Cli.RunAsync("config", "set", "output"), "Required argument missing");
    }

    [Fact]
    public async Task Profile_add_use_remove_and_their_errors()
    {
        await Cli.RunOkAsync("config", "profile", "add", "a", "--set", "region=US-KS-2");
        Assert.Equal(5, (await Cli.RunAsync("config", "profile", "add", "a")).ExitCode);
        AssertUsageError(await Cli.RunAsync("config", "profile", "add", "-bad"), "a profile name is");
        AssertUsageError(await Cli.RunAsync("config", "profile", "add", "has space"), "invalid value 'has space' for NAME");
        await Cli.RunOkAsync("config", "profile", "add", "b");
        Assert.Equal("a", (await ShowAsync("profile")).Value); // the first profile became active, later ones did not

        await Cli.RunOkAsync("config", "profile", "use", "b");
        Assert.Equal("b", (await ShowAsync("profile")).Value);
        var unknown = await Cli.RunAsync("config", "profile", "use", "nope");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("profile 'nope' does not exist (profiles: a, b)", unknown.Stderr);

        await InitProfileAsync("b", ApiKey);
        AssertUsageError(await Cli.RunAsync("config", "profile", "remove", "b"), "pass --yes");
        await Cli.RunOkAsync("config", "profile", "remove", "b", "--yes");
        Assert.DoesNotContain(ApiKey, File.ReadAllText(CredentialsPath));
        Assert.Equal(("default", "default"), await ShowAsync("profile"));
        Assert.Equal(3, (await Cli.RunAsync("config", "profile", "remove", "b", "--yes")).ExitCode);

        var list = (await Cli.RunOkAsync("config", "profile", "list")).Stdout;
        Assert.Matches(@"\*\s+default", list);
        Assert.Matches(@"\n\s+a\s+region=US-KS-2", list);
    }

    [Fact]
    public async Task Commands_on_a_missing_profile_fail_with_not_found()
    {
        var get = await Cli.RunAsync("--profile", "ghost", "config", "get", "region");
        Assert.Equal(3, get.ExitCode);
        Assert.Contains("profile 'ghost' (flag --profile) does not exist", get.Stderr);
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        var list = await Cli.RunAsync("--profile", "ghost", "pod", "list");
        Assert.True(list.ExitCode == 3, list.ToString());
        Assert.Contains("profile 'ghost' (flag --profile) does not exist", list.Stderr);
    }

    [Fact]
    public async Task Inspect_and_repair_commands_work_with_a_missing_profile_and_warn()
    {
        await Cli.RunOkAsync("config", "profile", "add", "real");
        Cli.Environment["RPCTL_PROFILE"] = "ghost";
        const string warning = "warning: profile 'ghost' (environment variable RPCTL_PROFILE) does not exist (profiles: real)";
        foreach (var args in new[] { new[] { "config", "profile", "list" }, ["config", "path"], ["config", "show"] })
        {
            var result = await Cli.RunAsync(args);
            Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
            Assert.Contains(warning, result.Stderr);
        }

        Assert.True((await Cli.RunAsync("config", "profile", "use", "real")).ExitCode == 0);
        var added = await Cli.RunAsync("config", "profile", "add", "ghost");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.DoesNotContain("warning", (await Cli.RunAsync("config", "show")).Stderr);
    }

    [Fact]
    public async Task Path_prints_where_files_live()
    {
        Assert.Equal(ConfigPath, (await Cli.RunOkAsync("config", "path")).Stdout.Trim());
        var json = (await Cli.RunOkAsync("config", "path", "-o", "json")).Json;
        Assert.Equal(CredentialsPath, json["credentials"]!.GetValue<string>());
        Assert.Equal(Path.Combine(ConfigDir, "presets"), json["presets"]!.GetValue<string>());
        Assert.EndsWith(Path.Combine("rpctl", "deleted-pods"), json["deletedPods"]!.GetValue<string>());
    }

    [Fact]
    public async Task Set_key_from_stdin_and_bad_keys()
    {
        Cli.Stdin = ApiKey + "\n";
        var result = await Cli.RunOkAsync("--profile", "ci", "config", "set-key");
        Assert.DoesNotContain(ApiKey, result.Stderr + result.Stdout);
        Assert.StartsWith("profile 'ci'", (await ShowAsync("api_key", "--profile", "ci")).Source);

        Cli.Stdin = "";
        AssertUsageError(await Cli.RunAsync("config", "set-key", "--api-key-stdin"), "expected the API key on the first line of stdin");
        Cli.Stdin = "short\n";
        AssertUsageError(await Cli.RunAsync("config", "set-key"), "invalid API key");
        Cli.Stdin = "rpa_has a space\n";
        var spaced = await Cli.RunAsync("config", "set-key");
        AssertUsageError(spaced, "invalid API key");
        Assert.DoesNotContain("has a space", spaced.Stderr);

        await Cli.RunOkAsync("--profile", "ci", "config", "set-key", "--remove");
        Assert.Equal("none", (await ShowAsync("api_key", "--profile", "ci")).Source);
    }

    [Fact]
    public async Task Key_file_readable_by_others_gives_a_warning()
    {
        if (OperatingSystem.IsWindows())
            return;
        await InitProfileAsync("default", ApiKey);
        Assert.DoesNotContain("warning", (await Cli.RunOkAsync("config", "show")).Stderr);
        File.SetUnixFileMode(CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var result = await Cli.RunOkAsync("config", "show");
        Assert.Contains($"warning: {CredentialsPath} is readable by other users (mode 0644); run: chmod 600", result.Stderr);

        // Rewriting the file (set-key) restores 0600.
        Cli.Stdin = ApiKey + "\n";
        await Cli.RunOkAsync("config", "set-key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
    }

    [Theory]
    [InlineData("apikey = \"{0}\"\napiurl = \"https://api.runpod.io/graphql\"\n")]
    [InlineData("# written by the Python SDK\n[default]\napi_key = \"{0}\"\n")]
    [InlineData("[default]\napi_key = '{0}' # single quotes and a comment\n")]
    public async Task Key_is_read_from_runpod_config_toml_in_both_forms(string template)
    {
        Directory.CreateDirectory(Path.Combine(Cli.Home, ".runpod"));
        File.WriteAllText(Path.Combine(Cli.Home, ".runpod", "config.toml"), string.Format(template, ApiKey));
        var (value, source) = await ShowAsync("api_key");
        Assert.Equal("rpa_…" + ApiKey[^3..], value);
        Assert.EndsWith(Path.Combine(".runpod", "config.toml"), source);
        await Cli.RunOkAsync("pod", "list");
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/pods"));
    }

    [Fact]
    public async Task Runpod_toml_in_another_table_is_ignored()
    {
        Directory.CreateDirectory(Path.Combine(Cli.Home, ".runpod"));
        File.WriteAllText(Path.Combine(Cli.Home, ".runpod", "config.toml"), $"[other]\napi_key = \"{ApiKey}\"\n");
        Assert.Equal((null, "none"), await ShowAsync("api_key"));
        var result = await Cli.RunAsync("pod", "list");
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("rpctl config init", result.Stderr);
    }

    [Fact]
    public async Task Auth_status_checks_the_key_with_one_call_and_names_its_source()
    {
        await InitProfileAsync("default", ApiKey);
        var ok = await Cli.RunOkAsync("auth", "status");
        Assert.Contains($"with key rpa_…{ApiKey[^3..]} from profile 'default'", ok.Stdout);
        Assert.DoesNotContain(ApiKey, ok.Stdout);
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey));

        var json = (await Cli.RunOkAsync("auth", "status", "-o", "json")).Json;
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal("default", json["profile"]!.GetValue<string>());

        Cli.Environment["RUNPOD_API_KEY"] = "revoked-key-123456";
        var rejected = await Cli.RunAsync("auth", "status");
        Assert.Equal(4, rejected.ExitCode);
        Assert.Contains("RunPod rejected the key …456 from environment variable RUNPOD_API_KEY", rejected.Stderr);
        Assert.DoesNotContain("revoked-key-123456", rejected.Stderr);

        Cli.Environment.Remove("RUNPOD_API_KEY");
        await Cli.RunOkAsync("config", "set-key", "--remove");
        var none = await Cli.RunAsync("auth", "status");
        Assert.Equal(4, none.ExitCode);
        Assert.Contains("no API key", none.Stderr);
    }
}
