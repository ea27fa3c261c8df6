using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Commands.Endpoint;
using Rpctl.Commands.Pod;
using Rpctl.Completion;
using Rpctl.Output;
using Rpctl.Presets;
using Rpctl.Services;

namespace Rpctl.Commands.Preset;

/// <summary><c>rpctl preset</c>: saved create settings, kept beside the config (mode 0600).</summary>
internal static class PresetCommand
{
    private static readonly TableSpec Spec = new(
        [
            new Column("NAME", p => JsonPath.Text(p, "name")),
            new Column("KIND", p => JsonPath.Text(p, "kind")),
            new Column("SUMMARY", Summary),
            new Column("SOURCE", p => JsonPath.Text(p, "source")),
            new Column("DESCRIPTION", p => JsonPath.Text(p, "description")),
        ],
        [
            new Column("Name", p => JsonPath.Text(p, "name")),
            new Column("Kind", p => JsonPath.Text(p, "kind")),
            new Column("Description", p => JsonPath.Text(p, "description")),
            new Column("Source", p => JsonPath.Text(p, "source")),
            new Column("Values", p => JsonPath.At(p, "values") is JsonObject v
                ? string.Join("\n", v.Select(kv => $"{kv.Key}: {Flat(kv.Value)}")) : ""),
        ]);

    public static Command Create(Invocation inv) =>
        new Command("preset", CommandExtensions.Describe("Saved create settings: save once, create many times",
                "rpctl preset save trainer --gpu 4090 --image runpod/pytorch:2.8.0", "rpctl preset apply trainer --dry-run"))
            .With(PresetSaveCommand.Create(inv), List(inv), Show(inv), Delete(inv), Apply(inv));

    public static Argument<string> NameArgument(Invocation inv)
    {
        var name = new Argument<string>("NAME") { Description = "Preset name (see 'rpctl preset list')" };
        name.CompletionSources.Add(_ => DynamicCompletions.Presets(inv));
        return name;
    }

    private static Command List(Invocation inv)
    {
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("list", CommandExtensions.Describe("List presets", "rpctl preset list", "rpctl preset list -o json"))
            .With(showSecrets)
            .Runs(inv, (parse, _) =>
            {
                var store = new PresetStore(inv.Context);
                var items = store.Names().Select(n => Printable(store.Load(n, "NAME"), parse.GetValue(showSecrets))).ToList();
                inv.Output.WriteList(items, Spec);
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static Command Show(Invocation inv)
    {
        var name = NameArgument(inv);
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("show", CommandExtensions.Describe("Show a preset (secret-looking env values masked)", "rpctl preset show trainer", "rpctl preset show trainer -o yaml"))
            .With(name, showSecrets)
            .Runs(inv, (parse, _) =>
            {
                var preset = new PresetStore(inv.Context).Load(parse.GetValue(name)!, "NAME");
                inv.Output.WriteItem(Printable(preset, parse.GetValue(showSecrets)), Spec);
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static Command Delete(Invocation inv)
    {
        var name = NameArgument(inv);
        return new Command("delete", CommandExtensions.Describe("Delete a preset (exit 3 when it does not exist)", "rpctl preset delete trainer"))
            .With(name)
            .Runs(inv, (parse, _) =>
            {
                var store = new PresetStore(inv.Context);
                var presetName = parse.GetValue(name)!;
                store.Load(presetName, "NAME"); // validates the name and reports a missing preset with the known ones
                store.Delete(presetName);
                inv.Output.Note($"deleted preset '{presetName}'");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    /// <summary>
    /// <c>preset apply NAME [flags]</c> is <c>KIND create --preset NAME [flags]</c>, KIND being the
    /// preset's: the rest of the command line is parsed again by that create command, so it takes
    /// exactly that command's flags and validation.
    /// </summary>
    private static Command Apply(Invocation inv)
    {
        var name = NameArgument(inv);
        var command = new Command("apply", CommandExtensions.Describe(
                "Create a pod or endpoint from a preset; the flags of 'pod create' or 'endpoint create' (per the preset's kind) override it",
                "rpctl preset apply trainer --dry-run", "rpctl preset apply trainer --name run-42 --gpu-count 2 --wait",
                "rpctl preset apply worker --name worker-2 --workers-max 10"))
            { TreatUnmatchedTokensAsErrors = false };
        return command.With(name)
            .Runs(inv, async (parse, ct) =>
            {
                RejectUnknownFlags(parse);
                var presetName = parse.GetValue(name)!;
                var preset = new PresetStore(inv.Context).Load(presetName, "NAME");
                var create = parse.RootCommandResult.Command.Parse(CreateArgs(parse, parse.GetResult(name)!.Tokens[0], preset.Kind, presetName),
                    new ParserConfiguration { ResponseFileTokenReplacer = null });
                if (create.Errors.Count > 0)
                    throw CliException.Usage($"{create.Errors[0].Message} (see 'rpctl {preset.Kind} create --help')");
                return await create.InvokeAsync(new InvocationConfiguration
                {
                    Output = inv.Context.Out,
                    Error = inv.Context.Err,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                }, ct);
            });
    }

    /// <summary>A mistyped flag is a usage error before the preset is even looked up, as on every other command.</summary>
    private static void RejectUnknownFlags(ParseResult parse)
    {
        var pod = new PodCreateOptions();
        var known = pod.All.OfType<Option>().Concat(new EndpointSpecOptions().ForCreate.OfType<Option>())
            .SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        var stray = parse.UnmatchedTokens.FirstOrDefault(t => t.Length > 1 && t[0] == '-' && !char.IsDigit(t[1]) && !known.Contains(t.Split('=')[0]));
        if (stray is not null)
            throw CliException.Usage($"unknown option '{stray}' (see 'rpctl preset apply --help'; it takes the flags of 'pod create' or 'endpoint create')");
    }

    /// <summary>The command line with <c>preset apply NAME</c> replaced by <c>KIND create --preset NAME</c>; global options stay as typed.</summary>
    private static List<string> CreateArgs(ParseResult parse, System.CommandLine.Parsing.Token nameToken, string kind, string presetName)
    {
        var skip = new List<System.CommandLine.Parsing.Token> { nameToken, parse.CommandResult.IdentifierToken };
        if (parse.CommandResult.Parent is System.CommandLine.Parsing.CommandResult preset)
            skip.Add(preset.IdentifierToken);
        var args = new List<string> { kind, "create", "--preset", presetName };
        args.AddRange(parse.Tokens.Where(t => !skip.Any(s => ReferenceEquals(s, t))).Select(t => t.Value));
        return args;
    }

    private static JsonNode Printable(SavedPreset preset, bool showSecrets)
    {
        var tree = preset.ToTree();
        tree.Remove("version");
        if (!showSecrets && tree["values"] is JsonObject values)
            SecretMasker.MaskEnv(values);
        return tree;
    }

    private static string Summary(JsonNode p)
    {
        var v = JsonPath.At(p, "values");
        var parts = new[] { Flat(v?["gpu"]) is { Length: > 0 } g ? g : Flat(v?["cpu"]), Flat(v?["image"]) is { Length: > 0 } i ? i : Flat(v?["templateId"] ?? v?["template"]) };
        return string.Join("  ", parts.Where(x => x.Length > 0));
    }

    private static string Flat(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Join(",", a.Select(Flat)),
        JsonObject o => string.Join(",", o.Select(kv => $"{kv.Key}={Flat(kv.Value)}")),
        _ => JsonPath.Scalar(node),
    };
}
