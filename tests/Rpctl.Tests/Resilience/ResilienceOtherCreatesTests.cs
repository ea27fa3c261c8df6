using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests.Resilience;

/// <summary>
/// Endpoints, templates, network volumes and registry credentials get the pods' guarantee: a lost
/// answer is settled by looking for the name before anything is re-sent. Jobs cannot be looked up,
/// so a job submission with a lost answer is never re-sent.
/// </summary>
public sealed class ResilienceOtherCreatesTests(EmulatorFixture emulator) : FaultTestBase(emulator)
{
    public static TheoryData<string> Kinds => ["endpoint", "template", "volume", "registry"];

    private static (string Path, string Name, string[] Args) CreateOf(string kind) => kind switch
    {
        "endpoint" => ("/v2/serverless", "svc", ["endpoint", "create", "--image", "w:1", "--gpu", "ADA_24", "--name", "svc"]),
        "template" => ("/v2/templates", "tpl", ["template", "create", "--name", "tpl", "--image", "img:1"]),
        "volume" => ("/v2/network-volumes", "data", ["volume", "create", "--name", "data", "--size", "20", "--region", "EU-RO-1"]),
        _ => ("/v2/registries", "hub", ["registry", "create", "--name", "hub", "--username", "me", "--password-stdin"]),
    };

    private async Task<CliResult> CreateAsync(string kind)
    {
        Cli.Stdin = "s3cret-password\n";
        return await Cli.RunAsync([.. CreateOf(kind).Args, "-o", "json"]);
    }

    /// <summary>The ids of this account's resources with the name, read with the kind's own list command.</summary>
    private async Task<List<string>> NamedAsync(string kind)
    {
        var list = await Cli.RunAsync(kind, "list", "-o", "json");
        Assert.True(list.ExitCode == 0, list.ToString());
        return list.Json.AsArray().Where(r => r!["name"]?.GetValue<string>() == CreateOf(kind).Name)
            .Select(r => r!["id"]!.GetValue<string>()).ToList();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Connection_dropped_after_the_create_finds_it_and_does_not_send_again(string kind)
    {
        var (path, name, _) = CreateOf(kind);
        await AddFaultAsync($$"""{"method":"POST","path":"{{path}}","drop":"after","count":1}""");

        var result = await CreateAsync(kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        var id = Assert.Single(await NamedAsync(kind));
        Assert.Equal(id, result.Json["id"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync("POST", path));
        Assert.Contains($"'{name}' was created ({id}); not sending the request again", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_namesake_from_before_is_not_mistaken_for_the_new_one(string kind)
    {
        var first = await CreateAsync(kind);
        Assert.True(first.ExitCode == 0, first.ToString());
        var older = first.Json["id"]!.GetValue<string>();
        await AddFaultAsync($$"""{"method":"POST","path":"{{CreateOf(kind).Path}}","drop":"after","count":1}""");

        var result = await CreateAsync(kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        var named = await NamedAsync(kind);
        Assert.Equal(2, named.Count);
        var created = Assert.Single(named, id => id != older);
        Assert.Equal(created, result.Json["id"]!.GetValue<string>());
        Assert.Equal(2, await CountAsync("POST", CreateOf(kind).Path));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_create_lost_before_processing_is_sent_again_once(string kind)
    {
        var path = CreateOf(kind).Path;
        await AddFaultAsync($$"""{"method":"POST","path":"{{path}}","status":502,"count":1}""");
        await AddFaultAsync($$"""{"method":"POST","path":"{{path}}","drop":"before","count":1}""");

        var result = await CreateAsync(kind);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(await NamedAsync(kind));
        Assert.Equal(3, await CountAsync("POST", path));
        Assert.Contains("sending the create again", result.Stderr);
    }

    [Theory]
    [InlineData("""{"drop":"after"}""")]
    [InlineData("""{"status":502}""")]
    public async Task A_job_whose_submission_was_lost_is_not_submitted_again(string fault)
    {
        var created = await Cli.RunAsync("endpoint", "create", "--image", "w:1", "--gpu", "ADA_24", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();
        var injected = JsonNode.Parse(fault)!.AsObject();
        injected["method"] = "POST";
        injected["path"] = $"/v2/{id}/run";
        await AddFaultAsync(injected.ToJsonString());

        var result = await Cli.RunAsync("endpoint", "run", id, "--input", """{"prompt":"hi"}""");

        AssertOneLineError(result, 1, $"the job may have been queued on endpoint {id}");
        Assert.Contains($"'rpctl endpoint health {id}'", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal(1, await CountAsync("POST", $"/v2/{id}/run"));
    }
}
