using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Every --gpu-count has the same bound, so a value one command takes is never refused by another.</summary>
public sealed class GpuCountBoundTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    [Theory]
    [InlineData("capacity", "list")]
    [InlineData("pod", "create", "--gpu", "4090", "--image", "img:1", "--dry-run")]
    [InlineData("endpoint", "create", "--name", "e", "--image", "img:1", "--dry-run")]
    public async Task Sixteen_is_accepted_and_seventeen_refused(params string[] command)
    {
        var ok = await Cli.RunAsync([.. command, "--gpu-count", "16"]);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        AssertUsageError(await Cli.RunAsync([.. command, "--gpu-count", "17"]), "--gpu-count");
    }
}
