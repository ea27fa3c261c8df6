using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Config;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// The values <c>pod create</c> works with, by layer: typed flags, then the preset (--preset),
/// then the stored defaults of the environment/profile (cloud_type, region, gpu), then the
/// option's own default. Env is the exception: it merges per key (preset, then --env-file, then --env).
/// </summary>
internal sealed class PodCreateInput
{
    private readonly ParseResult _user;
    private readonly ParseResult? _preset;
    private readonly Dictionary<Option, object> _defaults = [];
    private readonly Dictionary<Option, string> _defaultOrigins = [];
    private readonly PodCreateOptions _o;

    /// <param name="settings">The run's settings, for stored defaults; null leaves them out (preset save records only what was given).</param>
    public PodCreateInput(ParseResult user, ParseResult? preset, PodCreateOptions o, Settings? settings)
    {
        _user = user;
        _preset = preset;
        _o = o;
        if (settings is null)
            return;
        if (!IsSet(o.CloudType) && settings.Used(ConfigKeys.CloudType) is { } cloud)
            Default(o.CloudType, cloud, settings.Origin(ConfigKeys.CloudType));
        if (!IsSet(o.Region) && settings.Used(ConfigKeys.Region) is { } region)
            Default(o.Region, new[] { region }, settings.Origin(ConfigKeys.Region));
        // A stored GPU default would contradict a CPU pod.
        if (!IsSet(o.Gpu) && !IsSet(o.Cpu) && settings.Used(ConfigKeys.Gpu) is { } gpu)
            Default(o.Gpu, ConfigKeys.Split(gpu).ToArray(), settings.Origin(ConfigKeys.Gpu));
    }

    private void Default(Option option, object value, string origin)
    {
        _defaults[option] = value;
        _defaultOrigins[option] = origin;
    }

    /// <summary>What to blame for a bad value: the flag, or the stored default it came from (e.g. "setting gpu in profile 'default' (...)").</summary>
    public string Origin(Option option) =>
        !IsSet(option) && _defaultOrigins.TryGetValue(option, out var origin) ? origin : option.Name;

    public T? Get<T>(Option<T> option)
    {
        if (_user.GetResult(option) is { Implicit: false })
            return _user.GetValue(option);
        if (_preset?.GetResult(option) is { Implicit: false } && !OverriddenByExclusiveFlag(option))
            return _preset.GetValue(option);
        if (_defaults.TryGetValue(option, out var stored))
            return (T)stored;
        return _user.GetValue(option);
    }

    /// <summary>True when a flag or the preset gives the option a value.</summary>
    public bool IsSet(Option option) =>
        _user.GetResult(option) is { Implicit: false }
        || (_preset?.GetResult(option) is { Implicit: false } && !OverriddenByExclusiveFlag(option));

    /// <summary>True when the value would come from a flag, the preset or a stored default.</summary>
    public bool HasValue(Option option) => IsSet(option) || _defaults.ContainsKey(option);

    /// <summary>Preset env, then --env-file, then --env: later layers win per key.</summary>
    public Dictionary<string, string> Env(CliContext context)
    {
        var env = EnvVars.Parse(_preset?.GetValue(_o.Env) ?? [], null, context);
        foreach (var (key, value) in EnvVars.Parse(_user.GetValue(_o.Env) ?? [], _user.GetValue(_o.EnvFile), context))
            env[key] = value;
        return env;
    }

    /// <summary>A typed --cpu replaces a preset's --gpu (and so on): a flag overrides the preset, even across an either/or pair.</summary>
    private bool OverriddenByExclusiveFlag(Option option) =>
        ExclusivePairs(_o).Any(p => (p.A == option && _user.GetResult(p.B) is { Implicit: false })
                                    || (p.B == option && _user.GetResult(p.A) is { Implicit: false }));

    private static IEnumerable<(Option A, Option B)> ExclusivePairs(PodCreateOptions o) =>
    [
        (o.Gpu, o.Cpu), (o.GpuCount, o.Cpu), (o.Vcpu, o.Gpu), (o.VolumeDisk, o.NetworkVolume), (o.CudaVersion, o.MinCudaVersion),
    ];
}
