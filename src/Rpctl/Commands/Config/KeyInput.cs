using RunPod.Api.Http;
using Rpctl.Cli;

namespace Rpctl.Commands.Config;

/// <summary>Reads an API key: from stdin in scripts, or from a hidden prompt on a terminal. Never from a flag (it would leak into shell history and process lists).</summary>
internal static class KeyInput
{
    public static string FromStdin(CliContext ctx, string flag)
    {
        var key = ctx.In.ReadLine()?.Trim();
        if (string.IsNullOrEmpty(key))
            throw CliException.BadValue(flag, "", "expected the API key on the first line of stdin, e.g. printf '%s\\n' \"$KEY\" | rpctl config set-key --api-key-stdin");
        return Validate(key, flag);
    }

    /// <summary>A hidden prompt; an empty answer returns null (keep the current key).</summary>
    public static string? Prompt(CliContext ctx, string question)
    {
        ctx.Err.Write(question);
        ctx.Err.Flush();
        var key = (ctx.ReadHiddenLine is { } read ? read() : ctx.In.ReadLine())?.Trim();
        return string.IsNullOrEmpty(key) ? null : Validate(key, "the API key");
    }

    /// <summary>Rejects what cannot be a key (the key itself is never echoed back).</summary>
    public static string Validate(string key, string flag)
    {
        if (key.Length < 8 || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new CliException(ExitCodes.Usage, $"invalid API key from {flag} ({Redaction.MaskKey(key)}): a RunPod key is at least 8 characters without spaces, usually starting with rpa_");
        return key;
    }
}
