using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>Every value a user can type into a capacity command, wrong: exit 2, one line naming the flag, no request.</summary>
public sealed class CapacityBadInputTests(EmulatorFixture emulator) : CapacityTestBase(emulator)
{
    [Theory]
    [InlineData("--cloud-type|spot", "--cloud-type", "secure, community, all")]
    [InlineData("--gpu-count|0", "--gpu-count", "whole number")]
    [InlineData("--gpu-count|two", "--gpu-count", "whole number")]
    [InlineData("--min-vram|0", "--min-vram", "whole number")]
    [InlineData("--min-vram|24GB", "--min-vram", "whole number")]
    [InlineData("--max-price|-1", "--max-price", "number")]
    [InlineData("--max-price|cheap", "--max-price", "number")]
    [InlineData("--region|texas", "--region", "US-TX-3")]
    [InlineData("--country|USA", "--country", "two-letter")]
    [InlineData("--cuda-version|12", "--cuda-version", "major.minor")]
    [InlineData("--min-cuda-version|12.x", "--min-cuda-version", "12.4")]
    [InlineData("--cuda-version|12.8|--min-cuda-version|12", "--cuda-version and --min-cuda-version", "")]
    [InlineData("--manufacturer|intel", "--manufacturer", "nvidia, amd")]
    [InlineData("--sort-by|cost", "--sort-by", "price, vram, name, availability")]
    [InlineData("--region|US-TX-3|--country|RO", "none of the --region", "RO")]
    public async Task List_rejects_bad_values(string args, string flag, string valid)
    {
        var result = await Cli.RunAsync(["capacity", "list", .. args.Split('|')]);

        AssertUsageError(result, flag, valid);
        Assert.Empty(await CatalogRequestsAsync());
    }

    [Theory]
    [InlineData("--gpu|4090|--gpu-count|-2", "--gpu-count")]
    [InlineData("--gpu|4090|--cloud-type|cheap", "--cloud-type")]
    [InlineData("--gpu|4090|--region|us texas", "--region")]
    [InlineData("--gpu-count|1", "--gpu")]
    public async Task Check_rejects_bad_values(string args, string flag)
    {
        var result = await Cli.RunAsync(["capacity", "check", .. args.Split('|')]);

        AssertUsageError(result, flag);
        Assert.Empty(await CatalogRequestsAsync());
    }

    [Theory]
    [InlineData("regions|--compliance|soc2", "--compliance", "soc_2_type_2")]
    [InlineData("regions|--gpu|4009", "--gpu", "did you mean")]
    [InlineData("compare|4090|a40|--cloud-type|any", "--cloud-type", "secure")]
    [InlineData("compare|4090|a40|--gpu-count|x", "--gpu-count", "whole number")]
    [InlineData("cpus|--vcpus|6", "--vcpus", "power of two")]
    [InlineData("cpus|--vcpus|1", "--vcpus", "at least 2")]
    [InlineData("list|-o|xml", "xml", "")]
    public async Task Other_commands_reject_bad_values(string args, string flag, string valid)
    {
        var result = await Cli.RunAsync(["capacity", .. args.Split('|')]);

        AssertUsageError(result, flag, valid);
    }
}
