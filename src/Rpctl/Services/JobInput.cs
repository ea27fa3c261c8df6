using System.Text.Json;
using System.Text.Json.Nodes;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>The job input of <c>endpoint run</c>: <c>--input JSON</c> or <c>--input-file PATH</c> (<c>-</c> = stdin); <c>{}</c> when neither is given.</summary>
internal static class JobInput
{
    public static JsonNode? Read(string? inline, string? file, CliContext context)
    {
        if (inline is not null && file is not null)
            throw CliException.Usage("--input and --input-file cannot be used together");
        if (inline is not null)
            return Parse("--input", inline, inline);
        if (file is null)
            return new JsonObject();

        string text;
        if (file == "-")
        {
            text = context.In.ReadToEnd();
        }
        else
        {
            var path = Path.Combine(context.WorkingDirectory, file);
            if (!File.Exists(path))
                throw CliException.BadValue("--input-file", file, "file not found");
            text = File.ReadAllText(path);
        }

        return Parse("--input-file", text, file);
    }

    private static JsonNode? Parse(string flag, string text, string shown)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            var value = shown.Length > 40 ? shown[..40] + "…" : shown;
            throw CliException.BadValue(flag, value, $"expected JSON such as '{{\"prompt\":\"hi\"}}' ({e.Message})");
        }
    }
}
