using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Capacity tests share one emulator per class, and stock is emulator-wide (not per account), so
/// each test starts and ends with the default stock; tests of a class run one after another.
/// </summary>
public abstract class CapacityTestBase(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    protected const string Rtx4090 = "NVIDIA GeForce RTX 4090";

    protected EmulatorFixture Emulator { get; } = emulator;
    protected string ApiKey { get; } = EmulatorFixture.NewApiKey();
    protected CliRunner Cli { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cli = new CliRunner(Emulator.BaseAddress, ApiKey);
        await ResetStockAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Cli.Dispose();
        await ResetStockAsync();
    }

    protected Task ResetStockAsync() => Emulator.AdminPostAsync("/_emulator/capacity", """{"reset":true}""");

    /// <summary>Sets free GPUs of a type (everywhere, or in one DC and/or cloud) through /_emulator/capacity.</summary>
    protected Task SetStockAsync(string gpuTypeId, int available, string? dataCenterId = null, string? cloud = null)
    {
        var body = new JsonObject { ["gpuTypeId"] = gpuTypeId, ["available"] = available };
        if (dataCenterId is not null)
            body["dataCenterId"] = dataCenterId;
        if (cloud is not null)
            body["cloud"] = cloud;
        return Emulator.AdminPostAsync("/_emulator/capacity", body.ToJsonString());
    }

    /// <summary>Catalog requests this test's account made.</summary>
    protected Task<List<JsonObject>> CatalogRequestsAsync() => EmulatorRequests.ListAsync(Emulator, ApiKey, "GET", "/v2/catalog");

    protected static JsonObject Gpu(CliResult result, string id) =>
        result.Json.AsArray().Select(g => g!.AsObject()).Single(g => g["id"]!.GetValue<string>() == id);

    protected static List<string> Ids(CliResult result) => [.. result.Json.AsArray().Select(g => g!["id"]!.GetValue<string>())];

    protected static void AssertOk(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stderr);
    }

    protected static void AssertUsageError(CliResult result, params string[] mentions)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var m in mentions)
            Assert.Contains(m, result.Stderr);
        Assert.DoesNotContain('\n', result.Stderr.TrimEnd()); // one line
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
