using System.CommandLine;
using System.CommandLine.Completions;
using Rpctl.Cli;

namespace Rpctl.Completion;

/// <summary>
/// Gives every option and argument that names a known kind of value its dynamic completions, by
/// name, in one pass over the finished command tree: commands declare a <c>--gpu</c> option or a
/// <c>POD_ID</c> argument and get completions without knowing about them.
/// </summary>
internal static class CompletionWiring
{
    public static void Attach(Command root, Invocation inv)
    {
        foreach (var command in Walk(root))
        {
            foreach (var option in command.Options)
            {
                if (Source(option.Name, inv) is { } source)
                    option.CompletionSources.Add(source);
            }

            foreach (var argument in command.Arguments)
            {
                if (Source(argument.Name, inv) is { } source && argument.CompletionSources.Count == 0)
                    argument.CompletionSources.Add(source);
            }
        }
    }

    private static Func<CompletionContext, IEnumerable<CompletionItem>>? Source(string name, Invocation inv) => name switch
    {
        "--gpu" => ctx => DynamicCompletions.Gpus(inv, ctx),
        "--profile" => _ => DynamicCompletions.Profiles(inv),
        "--preset" or "--save-preset" => _ => DynamicCompletions.Presets(inv),
        "--output" => _ => new[] { "table", "json", "yaml", "csv" }.Select(f => new CompletionItem(f)),
        "POD_ID" or "POD" or "--from-pod" => ctx => DynamicCompletions.PodIds(inv, ctx),
        "--region" => ctx => DynamicCompletions.DataCenters(inv, ctx),
        "--status" => _ => RunPod.Api.Pods.PodStatus.All.Select(s => new CompletionItem(s.ToLowerInvariant())),
        "ENDPOINT_ID" or "--from-endpoint" or "--endpoint" => ctx => DynamicCompletions.EndpointIds(inv, ctx),
        _ => null,
    };

    private static IEnumerable<Command> Walk(Command command) => [command, .. command.Subcommands.SelectMany(Walk)];
}
