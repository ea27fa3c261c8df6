using RunPod.Api.Http;
using Xunit;

namespace RunPod.Api.Tests;

public sealed class RateLimitHeaderTests
{
    [Fact]
    public void Parses_the_structured_field_windows()
    {
        var windows = RateLimitHeader.Parse("\"minute\";r=0;t=12, \"hour\";r=2800;t=1812, \"day\";r=49500;t=45012");
        Assert.Equal(3, windows.Count);
        Assert.Equal(new RateLimitHeader.Window("minute", 0, 12), windows[0]);
        Assert.Equal(new RateLimitHeader.Window("day", 49500, 45012), windows[2]);
    }

    [Theory]
    [InlineData("\"minute\";r=0;t=12, \"hour\";r=0;t=1812", 1812)]
    [InlineData("\"minute\";r=0;t=12, \"hour\";r=5;t=1812", 12)]
    public void Waits_for_the_longest_exhausted_window(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RateLimitHeader.LongestExhaustedReset(header));

    [Theory]
    [InlineData("\"minute\";r=3;t=12")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Nothing_exhausted_means_no_wait(string header) => Assert.Null(RateLimitHeader.LongestExhaustedReset(header));

    [Theory]
    [InlineData("rpa_ABCDEFGHIJKL3f2", "rpa_…3f2")]
    [InlineData("short", "***")]
    [InlineData(null, "(none)")]
    public void Keys_are_masked(string? key, string shown) => Assert.Equal(shown, Redaction.MaskKey(key));

    [Fact]
    public void Api_key_query_values_are_redacted() =>
        Assert.Equal("https://api.runpod.io/graphql?api_key=***&x=1", Redaction.RedactUrl("https://api.runpod.io/graphql?api_key=rpa_SECRET&x=1"));
}
