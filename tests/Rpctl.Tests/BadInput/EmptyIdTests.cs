using TestSupport;
using Xunit;

namespace Rpctl.Tests.BadInput;

/// <summary>
/// An empty or blank id is refused by the parser (exit 2, "POD_ID must not be empty") for every
/// id argument in the command tree, before any request: passed on, `pod get ""` became
/// `GET /v2/pods/` and printed the whole pod list.
/// </summary>
public sealed class EmptyIdTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    /// <summary>Every (command, id argument) pair: arguments named *_ID, and the id-or-name POD of the ssh commands.</summary>
    public static TheoryData<string, string> IdArguments() => [.. IdArgumentPairs()];

    private static IEnumerable<(string Command, string Argument)> IdArgumentPairs() =>
        CommandTree.Leaves().SelectMany(l => l.Arguments
            .Where(a => a.Name.EndsWith("_ID", StringComparison.Ordinal) || a.Name == "POD")
            .Select(a => (l.Path, a.Name)));

    [Fact]
    public void Every_resource_has_an_id_argument_under_test()
    {
        var commands = IdArgumentPairs().Select(p => p.Command).ToHashSet();
        foreach (var expected in new[] { "pod get", "pod delete", "pod update", "volume get", "template get", "registry get", "endpoint get", "job status", "ssh info" })
            Assert.Contains(expected, commands);
    }

    [Theory]
    [MemberData(nameof(IdArguments))]
    public async Task Empty_and_blank_ids_exit_2_and_send_nothing(string command, string argument)
    {
        var leaf = CommandTree.Leaves().Single(l => l.Path == command);
        foreach (var blank in new[] { "", "   " })
        {
            string[] args = [.. leaf.Arguments.Select(a => a.Name == argument ? blank : "zzzzzzzzzzzzzz")
                .Take(Math.Max(1, leaf.Arguments.TakeWhile(a => a.Name != argument).Count() + 1))];
            string[] extra = [.. leaf.Has("--yes") ? ["--yes"] : Array.Empty<string>(), .. command == "pod update" ? ["--name", "x"] : Array.Empty<string>()];
            var result = await Cli.RunAsync([.. leaf.Words, .. args, .. extra, "-o", "json"]);

            Assert.True(result.ExitCode == 2, $"{command} '{blank}': {result}");
            Assert.Contains($"{argument} must not be empty", result.Stderr);
            Assert.Equal("", result.Stdout);
        }
        Assert.Empty(await EmulatorRequests.ListAsync(Emulator, ApiKey));
    }

    [Fact]
    public async Task Pod_get_with_an_empty_id_never_lists_the_pods()
    {
        await CreatePodAsync();
        var before = (await EmulatorRequests.ListAsync(Emulator, ApiKey)).Count;

        var result = await Cli.RunAsync("pod", "get", "", "-o", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("POD_ID must not be empty", result.Stderr);
        Assert.Equal(before, (await EmulatorRequests.ListAsync(Emulator, ApiKey)).Count);
    }

    [Fact]
    public void The_client_refuses_to_build_a_path_with_an_empty_id()
    {
        Assert.Throws<ArgumentException>(() => RunPod.Api.Http.PathSegment.Of(" ", "pod id"));
        Assert.Throws<ArgumentException>(() => RunPod.Api.Pods.PodsClient.BuildDelete(""));
        Assert.Equal("a%2Fb", RunPod.Api.Http.PathSegment.Of("a/b"));
    }
}
