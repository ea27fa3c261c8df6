namespace RunPod.Emulator;

/// <summary>How an <see cref="EmulatorHost"/> is started.</summary>
public sealed class EmulatorOptions
{
    /// <summary>SQLite file holding the state; null keeps everything in memory (tests).</summary>
    public string? StatePath { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>0 picks an ephemeral port; read the result from <see cref="EmulatorHost.BaseAddress"/>.</summary>
    public int Port { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a new pod stays PROVISIONING (overridable at runtime via /_emulator/config).</summary>
    public TimeSpan ProvisioningDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a pod stays STARTING before it is RUNNING.</summary>
    public TimeSpan StartingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between webhook delivery attempts (RunPod: 10 s, up to 2 retries).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Record requests for GET /_emulator/requests.</summary>
    public bool EnableRequestLog { get; set; } = true;
}
