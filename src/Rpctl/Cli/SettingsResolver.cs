using System.CommandLine;
using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>
/// Applies precedence: flag, then environment, then built-in default. Each layer is looked at only
/// when the one above it has no value, and nothing here touches the network.
/// </summary>
internal static class SettingsResolver
{
    public static Settings Resolve(ParseResult parse, GlobalOptions global, CliContext ctx)
    {
        var local = parse.GetValue(global.Local);
        var urlText = parse.GetValue(global.ApiUrl) ?? ctx.Env("RUNPOD_API_URL");
        Uri? origin = null;
        if (urlText is not null)
        {
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out origin) || (origin.Scheme != "http" && origin.Scheme != "https"))
                throw CliException.BadValue("--api-url", urlText, "expected an http(s) URL such as http://127.0.0.1:8787");
        }

        if (local && parse.GetResult(global.ApiUrl) is { Implicit: false })
            throw CliException.Usage("--local and --api-url cannot be used together");

        var format = OutputFormat.Table;
        var outputText = parse.GetValue(global.Json) ? "json" : parse.GetValue(global.Output) ?? ctx.Env("RPCTL_OUTPUT");
        if (outputText is not null && !OutputFormats.TryParse(outputText, out format))
            throw CliException.BadValue("--output", outputText, "expected one of table, json, yaml, csv");

        string? key = null;
        var keySource = "none";
        if (ctx.Env("RUNPOD_API_KEY") is { } envKey)
        {
            key = envKey.Trim();
            keySource = "environment variable RUNPOD_API_KEY";
        }

        return new Settings(local, origin, key, keySource, format, parse.GetValue(global.Debug), ResolveNetwork(parse, global, ctx));
    }

    public static NetworkSettings ResolveNetwork(ParseResult parse, GlobalOptions global, CliContext ctx)
    {
        var d = NetworkSettings.Default;
        var retries = parse.GetValue(global.Retries) ?? EnvInt(ctx, "RPCTL_RETRIES", "--retries", 0, 20) ?? d.Retries;
        var budget = parse.GetValue(global.RetryBudget) ?? EnvDuration(ctx, "RPCTL_RETRY_BUDGET", "--retry-budget", allowZero: true) ?? d.RetryBudget;
        var timeout = parse.GetValue(global.RequestTimeout) ?? EnvDuration(ctx, "RPCTL_REQUEST_TIMEOUT", "--request-timeout") ?? d.RequestTimeout;
        var deadline = parse.GetValue(global.Deadline) ?? EnvDuration(ctx, "RPCTL_DEADLINE", "--deadline");
        // Not a flag: lets scripts and tests shorten backoff without changing the policy's shape.
        var baseDelay = EnvDuration(ctx, "RPCTL_RETRY_BASE_DELAY", "RPCTL_RETRY_BASE_DELAY", allowZero: true) ?? d.RetryBaseDelay;
        return new NetworkSettings(retries, budget, timeout, deadline, baseDelay);
    }

    private static int? EnvInt(CliContext ctx, string name, string flag, int min, int max)
    {
        if (ctx.Env(name) is not { } text)
            return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        throw CliException.BadValue($"{name} (or {flag})", text, $"expected a whole number from {min} to {max}");
    }

    private static TimeSpan? EnvDuration(CliContext ctx, string name, string flag, bool allowZero = false)
    {
        if (ctx.Env(name) is not { } text)
            return null;
        var label = name == flag ? name : $"{name} (or {flag})";
        var value = Services.Durations.Parse(label, text);
        if (!allowZero && value <= TimeSpan.Zero)
            throw CliException.BadValue(label, text, "expected a duration greater than zero");
        return value;
    }
}
