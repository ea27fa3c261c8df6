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

        return new Settings(local, origin, key, keySource, format, parse.GetValue(global.Debug));
    }
}
