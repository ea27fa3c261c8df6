using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Serverless CLI tests: one account per test on a shared emulator whose workers start at once
/// (cold-start timing is covered by the emulator tests with the clock).
/// </summary>
public abstract class EndpointTestBase(EmulatorFixture emulator) : PodTestBase(emulator)
{
    protected async Task<string> CreateEndpointAsync(params string[] extra)
    {
        var result = await Cli.RunAsync(["endpoint", "create", "--image", "example/worker:1", "--gpu", "ADA_24", "-o", "json", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Json["id"]!.GetValue<string>();
    }

    /// <summary>The body of the one create (POST /v2/serverless) this test's account sent.</summary>
    protected Task<JsonObject> CreateBodyAsync() => EmulatorRequests.SingleBodyAsync(Emulator, ApiKey, "POST", "/v2/serverless");

    protected async Task<string> SubmitAsync(string endpoint, string input)
    {
        var run = await Cli.RunAsync("endpoint", "run", endpoint, "--input", input);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout.Trim();
    }
}
