using Rpctl.Cli;
using Rpctl.Services;
using Xunit;

namespace Rpctl.Tests;

/// <summary>The GPU name resolver is a pure function of (input, catalog): a table of inputs and expected results.</summary>
public sealed class GpuResolverTests
{
    /// <summary>A slice of RunPod's catalog (ids, names and pools as the v2 API returns them).</summary>
    private static readonly GpuEntry[] Catalog =
    [
        new("NVIDIA GeForce RTX 4090", "RTX 4090", "ADA_24", 24),
        new("NVIDIA GeForce RTX 3090", "RTX 3090", "AMPERE_24", 24),
        new("NVIDIA L4", "L4", "AMPERE_24", 24),
        new("NVIDIA A40", "A40", "AMPERE_48", 48),
        new("NVIDIA RTX A6000", "RTX A6000", "AMPERE_48", 48),
        new("NVIDIA L40", "L40", "ADA_48_PRO", 48),
        new("NVIDIA L40S", "L40S", "ADA_48_PRO", 48),
        new("NVIDIA A100 80GB PCIe", "A100 PCIe", "AMPERE_80", 80),
        new("NVIDIA A100-SXM4-80GB", "A100 SXM", "AMPERE_80", 80),
        new("NVIDIA H100 80GB HBM3", "H100 SXM", "ADA_80_PRO", 80),
        new("NVIDIA H100 NVL", "H100 NVL", null, 94),
        new("NVIDIA H100 PCIe", "H100 PCIe", null, 80),
        new("NVIDIA H200", "H200 SXM", "HOPPER_141", 141),
        new("NVIDIA H200 NVL", "NVIDIA H200 NVL", null, 143),
        new("NVIDIA RTX 4000 Ada Generation", "RTX 4000 Ada", "AMPERE_16", 20),
        new("NVIDIA RTX 4000 SFF Ada Generation", "RTX 4000 Ada SFF", null, 20),
        new("AMD Instinct MI300X OAM", "MI300X", null, 192),
    ];

    public static TheoryData<string, string?, string?> Cases => new()
    {
        // input, expected id (null = an exit-2 error), what the error mentions; the comment says which kind
        { "NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 4090", null },          // exact id
        { "nvidia geforce rtx 4090", "NVIDIA GeForce RTX 4090", null },          // exact id, any case
        { "RTX 4090", "NVIDIA GeForce RTX 4090", null },                         // display name
        { "  rtx 4090 ", "NVIDIA GeForce RTX 4090", null },                      // display name, spaces, case
        { "NVIDIA H200 NVL", "NVIDIA H200 NVL", null },                          // id equal to name
        { "4090", "NVIDIA GeForce RTX 4090", null },                             // short
        { "a100 sxm", "NVIDIA A100-SXM4-80GB", null },                           // short
        { "A100 pcie", "NVIDIA A100 80GB PCIe", null },                          // short
        { "h100 nvl", "NVIDIA H100 NVL", null },                                 // short
        { "h100 sxm", "NVIDIA H100 80GB HBM3", null },                           // short (name token)
        { "a40", "NVIDIA A40", null },                                           // short, not A4000
        { "l40", "NVIDIA L40", null },                                           // short, not L40S
        { "a6000", "NVIDIA RTX A6000", null },                                   // short without "rtx"
        { "rtx 4000 ada", "NVIDIA RTX 4000 Ada Generation", null },              // tightest match beats SFF
        { "mi300x", "AMD Instinct MI300X OAM", null },                           // AMD short
        { "a100 sx", "NVIDIA A100-SXM4-80GB", null },                            // prefix
        { "h200", "NVIDIA H200", null },                                         // id is exactly "H200"
        { "ADA_24", "NVIDIA GeForce RTX 4090", null },                           // pool with one member
        { "hopper_141", "NVIDIA H200", null },                                   // pool, any case
        { "AMPERE_80", null, "serverless pool of \"A100 PCIe\", \"A100 SXM\"" }, // pool with several members
        { "a100", null, "is ambiguous" },                                        // ambiguous
        { "h100", null, "\"H100 NVL\" (NVIDIA H100 NVL)" },                      // ambiguous, candidates listed
        { "rtx 4009", null, "did you mean \"RTX 4090\"" },                       // typo
        { "4009", null, "did you mean \"RTX 4090\"" },                           // typo, short
        { "a6001", null, "did you mean \"RTX A6000\"" },                         // typo
        { "tpu v5e", null, "see 'rpctl capacity list'" },                        // unknown, nothing close
        { "  ", null, "expected a GPU type" },                                   // empty
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_or_explains(string input, string? expectedId, string? errorMentions)
    {
        if (expectedId is not null)
        {
            Assert.Equal(expectedId, GpuResolver.Resolve("--gpu", input, Catalog).Id);
            return;
        }

        var error = Assert.Throws<CliException>(() => GpuResolver.Resolve("--gpu", input, Catalog));
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(errorMentions!, error.Message);
        Assert.Contains("--gpu", error.Message);
    }

    [Theory]
    [InlineData("AMPERE_80", "NVIDIA A100 80GB PCIe,NVIDIA A100-SXM4-80GB")]
    [InlineData("ampere_24", "NVIDIA GeForce RTX 3090,NVIDIA L4")]
    [InlineData("4090", "NVIDIA GeForce RTX 4090")]
    public void ResolveAll_expands_a_pool_to_its_members(string input, string expectedIds)
    {
        Assert.Equal(expectedIds.Split(','), GpuResolver.ResolveAll("gpu", input, Catalog).Select(g => g.Id));
    }

    [Fact]
    public void ResolveAll_still_rejects_an_ambiguous_name()
    {
        Assert.Throws<CliException>(() => GpuResolver.ResolveAll("gpu", "a100", Catalog));
    }
}
