using System.Text.Json;

namespace RunPod.Emulator.State;

/// <summary>Runtime-tunable knobs, persisted so every process sharing the state file agrees.</summary>
internal sealed record EmulatorConfig
{
    public double ProvisioningDelaySeconds { get; init; }
    public double StartingDelaySeconds { get; init; }
    public RateLimitQuotas RateLimits { get; init; } = new();
}

/// <summary>Requests allowed per key per window. Defaults are high so normal tests never trip them.</summary>
internal sealed record RateLimitQuotas
{
    public long Minute { get; init; } = 6000;
    public long Hour { get; init; } = 100_000;
    public long Day { get; init; } = 1_000_000;
}

internal sealed class EmulatorConfigStore(EmulatorOptions options)
{
    private const string Key = "config";

    public EmulatorConfig Defaults => new()
    {
        ProvisioningDelaySeconds = options.ProvisioningDelay.TotalSeconds,
        StartingDelaySeconds = options.StartingDelay.TotalSeconds,
    };

    public EmulatorConfig Get(StateTransaction tx) =>
        tx.GetSetting(Key) is { } json
            ? JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.EmulatorConfig) ?? Defaults
            : Defaults;

    public void Put(StateTransaction tx, EmulatorConfig config) =>
        tx.PutSetting(Key, JsonSerializer.Serialize(config, EmulatorJsonContext.Default.EmulatorConfig));
}
