using System.CommandLine;
using System.Runtime.InteropServices;
using RunPod.Api;
using Rpctl.Local;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Cli;

/// <summary>
/// Per-run services handed to every command: the context, the effective settings, the output
/// writer and, created only when first needed, the API client (so --help and --dry-run never touch
/// the network or need a key).
/// </summary>
internal sealed class Invocation(CliContext context, GlobalOptions global) : IAsyncDisposable
{
    /// <summary>The fixed account key rpctl uses with its built-in emulator.</summary>
    public const string LocalApiKey = "rpa_local_emulator";

    private Settings? _settings;
    private OutputWriter? _output;
    private RunPodClient? _client;
    private LocalEmulator? _local;
    private GpuCatalog? _gpuCatalog;

    private CancellationTokenSource? _deadline;
    private CancellationToken _userToken;

    public CliContext Context { get; } = context;
    public GlobalOptions Global { get; } = global;
    public ParseResult? Parse { get; set; }

    /// <summary>Set by commands that may name a profile that does not exist (yet): config init/set-key create it, inspection commands warn.</summary>
    public ProfileUse ProfileUse { get; set; }

    public Settings Settings => _settings ??= SettingsResolver.Resolve(
        Parse ?? throw new InvalidOperationException("settings read before parsing"), Global, Context, ProfileUse,
        warning => Context.Err.WriteLine("warning: " + warning));

    /// <summary>Forgets the resolved settings, after a command changed the files they came from.</summary>
    public void ResetSettings() => _settings = null;

    public OutputWriter Output => _output ??= new OutputWriter(Context.Out, Context.Err, Settings.Output);

    public GpuCatalog GpuCatalog => _gpuCatalog ??= new GpuCatalog(this);

    public static string Version => typeof(Invocation).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string UserAgent =>
        $"rpctl/{Version} ({RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant()}; {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})";

    /// <summary>Arms the overall --deadline (RPCTL_DEADLINE) on the token the command runs with.</summary>
    public void StartDeadline(CancellationTokenSource deadline, CancellationToken userToken)
    {
        _deadline = deadline;
        _userToken = userToken;
        var (profile, layer) = SettingsResolver.ProfileForNetwork(Parse!, Global, Context);
        if (SettingsResolver.ResolveNetwork(Parse!, Global, Context, profile, layer).Deadline is { } limit)
        {
            DeadlineLimit = limit;
            deadline.CancelAfter(limit);
        }
    }

    public TimeSpan? DeadlineLimit { get; private set; }

    /// <summary>The command's token was cancelled by --deadline, not by Ctrl-C.</summary>
    public bool DeadlineExpired => _deadline is { IsCancellationRequested: true } && !_userToken.IsCancellationRequested;

    /// <summary>
    /// The error for a cancelled command: Ctrl-C (exit 130) or the --deadline (exit 7), with what
    /// was already done (e.g. "pod abc was created and may be billing") so nothing is lost silently.
    /// </summary>
    public CliException Interrupted(string alreadyDone, string? resourceId = null)
    {
        var suffix = string.IsNullOrEmpty(alreadyDone) ? "" : ": " + alreadyDone;
        return DeadlineExpired
            ? new CliException(ExitCodes.WaitFailed, $"deadline of {Durations.Format(DeadlineLimit!.Value)} exceeded (--deadline){suffix}", resourceId)
            : new CliException(ExitCodes.Interrupted, "interrupted" + suffix, resourceId);
    }

    /// <summary>The client, requiring an API key (except with --local).</summary>
    public async Task<RunPodClient> ClientAsync(CancellationToken ct) => await ClientAsync(requireKey: true, ct);

    public async Task<RunPodClient> ClientAsync(bool requireKey, CancellationToken ct)
    {
        if (_client is not null)
            return _client;

        var network = Settings.Network;
        var options = new RunPodClientOptions
        {
            UserAgent = UserAgent,
            RequestTimeout = network.RequestTimeout,
            Retry = new RetrySettings { MaxRetries = network.Retries, Budget = network.RetryBudget, BaseDelay = network.RetryBaseDelay },
        };
        if (Settings.Debug)
            options.Trace = line => Context.Err.WriteLine(line);

        if (Settings.Local)
        {
            _local = await LocalEmulator.StartAsync(Context, ct);
            options.UseSingleOrigin(_local.BaseAddress);
            options.ApiKey = LocalApiKey;
        }
        else
        {
            if (Settings.ApiOrigin is { } origin)
                options.UseSingleOrigin(origin);
            if (Settings.ApiKey is null && requireKey)
                throw new CliException(ExitCodes.Auth,
                    "no API key: set RUNPOD_API_KEY or run 'rpctl config init' (create a key at https://www.runpod.io/console/user/settings), or use --local for the built-in emulator");
            // An HTTP header cannot carry other characters; say so instead of a transport error (and never echo the key).
            if (Settings.ApiKey is { } key && key.Any(c => c is < '!' or > '~'))
                throw new CliException(ExitCodes.Auth,
                    $"the API key from {Settings.ApiKeySource} contains characters an API key cannot have (only printable ASCII, no spaces); check it for copy-paste damage");
            options.ApiKey = Settings.ApiKey;
        }

        _client = new RunPodClient(options);
        return _client;
    }

    /// <summary>The absolute URL a request would go to, without creating a client (for --dry-run).</summary>
    public RunPodClientOptions DescribeTarget()
    {
        var options = new RunPodClientOptions();
        if (Settings.Local)
            options.UseSingleOrigin(new Uri("http://127.0.0.1:0"));
        else if (Settings.ApiOrigin is { } origin)
            options.UseSingleOrigin(origin);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_local is not null)
            await _local.DisposeAsync();
    }
}
