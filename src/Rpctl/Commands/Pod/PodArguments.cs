using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>Arguments and small helpers shared by the pod commands.</summary>
internal static class PodArguments
{
    public static Argument<string> Id() => IdArguments.One("POD_ID", "The pod's id (see 'rpctl pod list')");

    /// <summary>One id for the single-pod form; several (or none, with --all) for the fleet form.</summary>
    public static Argument<string[]> Ids() => IdArguments.Many("POD_ID", "Pod ids (see 'rpctl pod list'); more than one, or --all, works on a fleet");

    /// <summary>The pod's JSON as it will be printed, with secret-looking env values masked unless asked.</summary>
    public static JsonNode Printable(RunPod.Api.Pods.Pod pod, bool showSecrets) => OutputWriter.View(pod.Raw, showSecrets);

    public static void PrintPod(Invocation inv, RunPod.Api.Pods.Pod pod, bool showSecrets) =>
        inv.Output.WriteItem(Printable(pod, showSecrets), PodView.Spec(DateTimeOffset.UtcNow));

    public static string ValidateStatus(string flag, string value)
    {
        var upper = value.Trim().ToUpperInvariant();
        if (!PodStatus.All.Contains(upper))
            throw CliException.BadValue(flag, value, "expected one of " + string.Join(", ", PodStatus.All.Select(s => s.ToLowerInvariant())));
        return upper;
    }

    public static TimeSpan Duration(ParseResult parse, Option<TimeSpan?> option, TimeSpan fallback) => parse.GetValue(option) ?? fallback;
}
