using TestSupport;
using Xunit;

namespace Rpctl.Tests.Secrets;

/// <summary>User input reaches GraphQL only as variables: a value with quotes and braces round-trips intact.</summary>
public sealed class GraphQlInjectionTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Fact]
    public async Task Quotes_and_braces_in_values_round_trip_and_never_enter_the_query_text()
    {
        const string name = "evil\"} ) { podTerminate(input: {podId: \"x\"}) } #";
        const string envValue = "}\"{ \\\" } mutation";
        var result = await Cli.RunAsync("pod", "create", "--spot", "--bid", "0.3", "--gpu", "4090", "--image", "img:1",
            "--name", name, "--env", $"NOTE={envValue}", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(name, result.Json["name"]!.GetValue<string>());
        var body = await EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/graphql");
        var query = body["query"]!.GetValue<string>();
        Assert.DoesNotContain("evil", query);
        Assert.DoesNotContain("podTerminate", query);
        Assert.Equal(name, body["variables"]!["input"]!["name"]!.GetValue<string>());

        var shown = await Cli.RunAsync("pod", "get", result.Json["id"]!.GetValue<string>(), "-o", "json", "--show-secrets");
        Assert.Equal(envValue, shown.Json["env"]!["NOTE"]!.GetValue<string>());
    }
}
