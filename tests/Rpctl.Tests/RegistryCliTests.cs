using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class RegistryCliTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private const string Password = "Sup3r-s3cret-Passw0rd!";

    /// <summary>What the emulator's request log keeps instead of a password: the exact one sent has exactly this hash.</summary>
    private static string LoggedHash(string password) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(password)))[..16];

    private async Task<string> CreateRegistryAsync()
    {
        Cli.Stdin = Password + "\n";
        var result = await Cli.RunAsync("registry", "create", "--name", "hub", "--username", "me", "--password-stdin", "-o", "json");
        Cli.Stdin = "";
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Create_reads_the_password_from_stdin_and_sends_it_once()
    {
        var id = await CreateRegistryAsync();

        Assert.Matches("^c[a-z0-9]{24}$", id);
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/registries");
        Assert.Equal(LoggedHash(Password), body["password"]!.GetValue<string>());
        Assert.Equal("me", body["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_prompts_without_echo_on_a_terminal()
    {
        Cli.Interactive = true;
        Cli.Stdin = Password + "\n";

        var result = await Cli.RunAsync("registry", "create", "--name", "hub", "--username", "me");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Password: ", result.Stderr);
        Assert.DoesNotContain(Password, result.Stderr + result.Stdout);
        Assert.Equal(LoggedHash(Password), (await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/registries"))["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task Password_flag_works_but_warns_about_shell_history()
    {
        var result = await Cli.RunAsync("registry", "create", "--name", "hub", "--username", "me", "--password", Password);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shell history", result.Stderr);
        Assert.DoesNotContain(Password, result.Stderr + result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--name", "hub", "--username", "me" }, "--password-stdin")]
    [InlineData(new[] { "--name", "hub", "--username", "me", "--password-stdin" }, "standard input was empty")]
    [InlineData(new[] { "--name", "hub", "--username", "me", "--password-stdin", "--password", "x" }, "cannot be used together")]
    [InlineData(new[] { "--name", "hub", "--username", "me", "--password", "" }, "--password")]
    [InlineData(new[] { "--username", "me", "--password-stdin" }, "--name")]
    [InlineData(new[] { "--name", "hub", "--password-stdin" }, "--username")]
    [InlineData(new[] { "--name", " ", "--username", "me", "--password-stdin" }, "--name")]
    [InlineData(new[] { "--name", "hub", "--username", "", "--password-stdin" }, "--username")]
    public async Task Bad_create_input_exits_2_and_sends_nothing(string[] args, string mentions)
    {
        AssertUsageError(await Cli.RunAsync(["registry", "create", .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "POST"));
    }

    [Fact]
    public async Task List_and_get_show_id_and_name_only()
    {
        var id = await CreateRegistryAsync();

        var list = await Cli.RunAsync("registry", "list", "-o", "json");
        Assert.Equal($$"""[{"id":"{{id}}","name":"hub"}]""", list.Json.ToJsonString());
        Assert.Contains("hub", (await Cli.RunAsync("registry", "list")).Stdout);
        Assert.Contains($"id,name", (await Cli.RunAsync("registry", "list", "-o", "csv")).Stdout);
        Assert.Contains("name: hub", (await Cli.RunAsync("registry", "get", id, "-o", "yaml")).Stdout);
        Assert.Equal(3, (await Cli.RunAsync("registry", "get", "cnosuchregistry")).ExitCode);
    }

    [Fact]
    public async Task Update_replaces_the_credentials_through_graphql()
    {
        var id = await CreateRegistryAsync();
        Cli.Stdin = "new-" + Password;

        var result = await Cli.RunAsync("registry", "update", id, "--username", "me2", "--password-stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Updated registry credential {id} (hub)", result.Stdout);
        var sent = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        Assert.Equal(LoggedHash("new-" + Password), sent["variables"]!["input"]!["password"]!.GetValue<string>());
        Assert.Equal("me2", sent["variables"]!["input"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_of_unknown_id_is_not_found_and_username_is_required()
    {
        Cli.Stdin = Password;
        Assert.Equal(3, (await Cli.RunAsync("registry", "update", "cnosuchregistry", "--username", "me", "--password-stdin")).ExitCode);
        AssertUsageError(await Cli.RunAsync("registry", "update", "cnosuchregistry", "--password-stdin"), "--username");
    }

    [Fact]
    public async Task Delete_in_use_exits_5_naming_the_pod()
    {
        var id = await CreateRegistryAsync();
        var podId = await CreatePodAsync("--registry-auth", id);

        var refused = await Cli.RunAsync("registry", "delete", id, "--yes");

        Assert.Equal(5, refused.ExitCode);
        Assert.Contains($"pod {podId}", refused.Stderr);
        Assert.Equal(0, (await Cli.RunAsync("pod", "delete", podId, "--yes")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("registry", "delete", id, "--yes")).ExitCode);
        Assert.Equal(3, (await Cli.RunAsync("registry", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Delete_needs_confirmation()
    {
        var id = await CreateRegistryAsync();

        AssertUsageError(await Cli.RunAsync("registry", "delete", id), "--yes");
    }

    /// <summary>The password goes over the wire exactly once per command and nowhere else: not stdout, stderr, --debug traces, errors or JSON errors.</summary>
    [Fact]
    public async Task No_output_log_or_error_ever_contains_the_password()
    {
        var outputs = new List<CliResult>();
        async Task Run(string stdin, params string[] args)
        {
            Cli.Stdin = stdin;
            outputs.Add(await Cli.RunAsync(args));
        }

        await Run(Password, "registry", "create", "--name", "hub", "--username", "me", "--password-stdin", "--debug");
        var id = outputs[0].Stdout.Split(' ')[3];
        await Run(Password, "registry", "create", "--name", "hub", "--username", "me", "--password-stdin", "--debug", "-o", "json");
        await Run("", "registry", "create", "--name", "hub", "--username", "me", "--password", Password, "--debug", "-o", "yaml");
        await Run(Password, "registry", "update", id, "--username", "me", "--password-stdin", "--debug");
        await Run(Password, "registry", "update", "cnosuchregistry", "--username", "me", "--password-stdin", "--debug", "-o", "json");
        await Run(Password, "registry", "create", "--name", "", "--username", "me", "--password-stdin", "--debug");
        await Run(Password, "registry", "create", "--name", "hub", "--username", "me", "--password-stdin", "--debug", "--bogus");
        await Run("", "registry", "list", "--debug");
        await Run("", "registry", "get", id, "--debug", "-o", "json");
        Cli.Interactive = true;
        await Run(Password + "\n", "registry", "create", "--name", "hub", "--username", "me", "--debug");
        // A connection failure (with --debug stack trace) must not show it either.
        Cli.Interactive = false;
        await Run(Password, "registry", "update", id, "--username", "me", "--password-stdin", "--debug", "--api-url", "http://127.0.0.1:1");

        foreach (var result in outputs)
        {
            Assert.DoesNotContain(Password, result.Stdout);
            Assert.DoesNotContain(Password, result.Stderr);
        }
        Assert.Contains(outputs, r => r.Stderr.Contains("http: -> POST"));
        Assert.Contains(outputs, r => r.ExitCode != 0);
    }
}
