using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Template;

/// <summary>Reads and checks the shared template options, turning them into request fields.</summary>
internal static partial class TemplateFields
{
    /// <summary>The fields both create and update send as given (env and mounts need more context).</summary>
    public static JsonObject Common(ParseResult parse, TemplateOptions o)
    {
        var body = new JsonObject();
        if (parse.GetValue(o.Name) is { } name)
        {
            if (name.Trim().Length == 0)
                throw CliException.BadValue("--name", name, "the name must not be empty");
            body["name"] = name;
        }

        if (parse.GetValue(o.Image) is { } image)
        {
            if (image.Trim().Length == 0 || image.Any(char.IsWhiteSpace))
                throw CliException.BadValue("--image", image, "expected an image reference such as runpod/pytorch:2.8.0");
            body["image"] = image;
        }

        if (parse.GetValue(o.ContainerDisk) is { } disk) body["disk"] = disk;
        if (parse.GetValue(o.DockerStartCmd) is { } args) body["args"] = args;
        if (parse.GetValue(o.Ports) is { Length: > 0 } ports) body["ports"] = new JsonArray([.. PortSpecs.Parse(ports).Select(p => (JsonNode?)p)]);
        if (parse.GetValue(o.CudaVersion) is { Length: > 0 } cuda) body["allowedCudaVersions"] = CudaList(cuda);
        if (parse.GetValue(o.NoSsh)) body["startSsh"] = false;
        if (parse.GetValue(o.NoJupyter)) body["startJupyter"] = false;
        return body;
    }

    public static string? MountPath(ParseResult parse, TemplateOptions o)
    {
        var path = parse.GetValue(o.VolumeMountPath);
        if (path is not null && !path.StartsWith('/'))
            throw CliException.BadValue("--volume-mount-path", path, "expected an absolute path such as /workspace");
        return path;
    }

    public static JsonObject Env(Dictionary<string, string> env) =>
        new(env.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));

    public static JsonObject Persistent(int size, string path) =>
        new() { ["persistent"] = new JsonObject { ["size"] = size, ["path"] = path } };

    /// <summary>`--readme TEXT` or `--readme @FILE` (relative to the working directory).</summary>
    public static string? Readme(ParseResult parse, TemplateOptions o, CliContext context)
    {
        var value = parse.GetValue(o.Readme);
        if (value is null || !value.StartsWith('@'))
            return value;
        var path = Path.Combine(context.WorkingDirectory, value[1..]);
        if (value.Length == 1 || !File.Exists(path))
            throw CliException.BadValue("--readme", value, "file not found (use --readme TEXT or --readme @FILE)");
        return File.ReadAllText(path);
    }

    /// <summary>`--cuda-version 12.8,12.6`; on update `any` clears the constraint.</summary>
    private static JsonArray CudaList(string[] values)
    {
        var versions = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (versions is ["any"])
            return [];
        foreach (var v in versions.Where(v => !CudaPattern().IsMatch(v)))
            throw CliException.BadValue("--cuda-version", v, "expected MAJOR.MINOR such as 12.8 (or 'any')");
        return new JsonArray([.. versions.Select(v => (JsonNode?)v)]);
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex CudaPattern();
}
