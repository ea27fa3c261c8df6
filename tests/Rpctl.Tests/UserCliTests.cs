using TestSupport;
using Xunit;

namespace Rpctl.Tests;

public sealed class UserCliTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILXGDN/SclOozk1xsDztpmhGiKkkrfQB9SKoO8dSIQQZ me@laptop";
    private const string Rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA me@desktop";

    private async Task<List<string>> KeysOnAccountAsync()
    {
        var result = await Cli.RunAsync("user", "ssh-key", "list", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. result.Json.AsArray().Select(k => k!["key"]!.GetValue<string>())];
    }

    private void WriteHomeKey(string file, string key)
    {
        Directory.CreateDirectory(Path.Combine(Cli.Home, ".ssh"));
        File.WriteAllText(Path.Combine(Cli.Home, ".ssh", file), key + "\n");
    }

    [Fact]
    public async Task Info_shows_balance_spend_limit_and_key_count()
    {
        await CreatePodAsync();
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);

        var json = await Cli.RunAsync("user", "info", "-o", "json");

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.StartsWith("user_", json.Json["id"]!.GetValue<string>());
        Assert.Equal(100.0, json.Json["clientBalance"]!.GetValue<double>());
        Assert.Equal(0.44, json.Json["currentSpendPerHr"]!.GetValue<double>(), 3);
        Assert.Equal(80.0, json.Json["spendLimit"]!.GetValue<double>());
        Assert.Equal(1, json.Json["sshKeyCount"]!.GetValue<int>());
        var table = await Cli.RunAsync("user", "info");
        Assert.Contains("Spend per hour: $0.44/hr", table.Stdout);
        Assert.Contains("SSH keys:       1", table.Stdout);
        Assert.Contains("email: ", (await Cli.RunAsync("user", "info", "-o", "yaml")).Stdout);
        Assert.Contains("sshKeyCount", (await Cli.RunAsync("user", "info", "-o", "csv")).Stdout);
    }

    [Fact]
    public async Task Adding_the_same_key_twice_leaves_one_copy()
    {
        Assert.Equal(0, (await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519)).ExitCode);
        var again = await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519.Replace("me@laptop", "other comment"));

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already", again.Stderr);
        Assert.Equal([Ed25519], await KeysOnAccountAsync());
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PUT", "/v2/account/ssh-keys"));
    }

    [Fact]
    public async Task Adding_a_second_key_keeps_the_first()
    {
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);
        var result = await Cli.RunAsync("user", "ssh-key", "add", "--text", Rsa);

        Assert.Contains("2 key(s) on the account", result.Stdout);
        Assert.Equal([Ed25519, Rsa], await KeysOnAccountAsync());
    }

    [Fact]
    public async Task Add_defaults_to_id_ed25519_then_id_rsa()
    {
        WriteHomeKey("id_rsa.pub", Rsa);
        await Cli.RunAsync("user", "ssh-key", "add");
        Assert.Equal([Rsa], await KeysOnAccountAsync());

        WriteHomeKey("id_ed25519.pub", Ed25519);
        await Cli.RunAsync("user", "ssh-key", "add");
        Assert.Equal([Rsa, Ed25519], await KeysOnAccountAsync());
    }

    [Fact]
    public async Task Add_reads_a_path_or_key_option()
    {
        File.WriteAllText(Path.Combine(Cli.Home, "work.pub"), Rsa);
        Assert.Equal(0, (await Cli.RunAsync("user", "ssh-key", "add", "work.pub")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("user", "ssh-key", "add", "--key", "work.pub")).ExitCode);
        Assert.Equal([Rsa], await KeysOnAccountAsync());
    }

    [Theory]
    [InlineData(new[] { "--text", "not a key" }, "--text")]
    [InlineData(new[] { "--text", "rsa AAAA me" }, "--text")]
    [InlineData(new[] { "--text", "ssh-ed25519" }, "--text")]
    [InlineData(new[] { "missing.pub" }, "file not found")]
    [InlineData(new[] { "--key", "missing.pub" }, "--key")]
    [InlineData(new[] { "bad.pub" }, "does not hold")]
    [InlineData(new[] { "id_test" }, "private key")]
    [InlineData(new[] { "bad.pub", "--text", "x" }, "cannot be used together")]
    [InlineData(new[] { "bad.pub", "--key", "bad.pub" }, "not both")]
    [InlineData(new string[0], "id_ed25519.pub")]
    public async Task Bad_keys_exit_2_and_change_nothing(string[] args, string mentions)
    {
        File.WriteAllText(Path.Combine(Cli.Home, "bad.pub"), "hello world\n");
        File.WriteAllText(Path.Combine(Cli.Home, "id_test"), "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n");

        AssertUsageError(await Cli.RunAsync(["user", "ssh-key", "add", .. args]), mentions);
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PUT"));
    }

    [Fact]
    public async Task List_shows_fingerprint_type_and_comment()
    {
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);

        var table = await Cli.RunAsync("user", "ssh-key", "list");

        Assert.Contains("FINGERPRINT", table.Stdout);
        Assert.Contains("SHA256:", table.Stdout);
        Assert.Contains("me@laptop", table.Stdout);
        Assert.Equal("[]", (await new CliRunner(Emulator.BaseAddress, TestSupport.EmulatorFixture.NewApiKey()).RunAsync("user", "ssh-key", "list", "-o", "json")).Stdout.Trim());
    }

    [Fact]
    public async Task Remove_by_comment_or_fingerprint_keeps_the_others()
    {
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Rsa);

        var removed = await Cli.RunAsync("user", "ssh-key", "remove", "me@laptop", "--yes");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal([Rsa], await KeysOnAccountAsync());

        var fingerprint = (await Cli.RunAsync("user", "ssh-key", "list", "-o", "json")).Json[0]!["fingerprint"]!.GetValue<string>();
        Assert.Equal(0, (await Cli.RunAsync("user", "ssh-key", "remove", fingerprint["SHA256:".Length..], "--yes")).ExitCode);
        Assert.Empty(await KeysOnAccountAsync());
    }

    [Fact]
    public async Task Remove_refusals()
    {
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Rsa.Replace("me@desktop", "me@laptop"));

        Assert.Equal(3, (await Cli.RunAsync("user", "ssh-key", "remove", "nobody", "--yes")).ExitCode);
        AssertUsageError(await Cli.RunAsync("user", "ssh-key", "remove", "me@laptop", "--yes"), "matches 2 keys");
        Assert.Equal(3, (await Cli.RunAsync("user", "ssh-key", "remove", "SHA256:x")).ExitCode);
        var fingerprint = (await Cli.RunAsync("user", "ssh-key", "list", "-o", "json")).Json[0]!["fingerprint"]!.GetValue<string>();
        AssertUsageError(await Cli.RunAsync("user", "ssh-key", "remove", fingerprint), "--yes");
        Assert.Equal(2, (await KeysOnAccountAsync()).Count);
    }

    [Fact]
    public async Task Set_ssh_key_is_an_alias_of_add_and_replace_asks_first()
    {
        await Cli.RunAsync("user", "set-ssh-key", "--text", Ed25519);
        await Cli.RunAsync("user", "set-ssh-key", "-t", Rsa);
        Assert.Equal([Ed25519, Rsa], await KeysOnAccountAsync());

        AssertUsageError(await Cli.RunAsync("user", "set-ssh-key", "--text", Rsa, "--replace"), "--yes");
        Assert.Equal(2, (await KeysOnAccountAsync()).Count);
        Cli.Interactive = true;
        Cli.Stdin = "y\n";
        var replaced = await Cli.RunAsync("user", "set-ssh-key", "--text", Rsa, "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("Replace all 2 SSH key(s)", replaced.Stderr);
        Assert.Equal([Rsa], await KeysOnAccountAsync());
    }

    [Fact]
    public async Task Add_dry_run_shows_the_full_set_and_sends_no_put()
    {
        await Cli.RunAsync("user", "ssh-key", "add", "--text", Ed25519);

        var result = await Cli.RunAsync("user", "ssh-key", "add", "--text", Rsa, "--dry-run", "-o", "json");

        Assert.Equal(2, result.Json["body"]!["keys"]!.AsArray().Count);
        Assert.Single(await EmulatorRequests.ListAsync(Emulator, ApiKey, "PUT"));
    }
}
