using System.CommandLine;
using RunPod.Api.Pods;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Pod;

/// <summary>
/// How a fleet command picks its pods (<c>--all</c>, <c>--name</c>, <c>--status</c>,
/// <c>--older-than</c>, <c>--gpu</c>) and how it runs (<c>--parallel</c>, <c>--yes</c>, <c>--dry-run</c>).
/// Declared once for <c>stop|start|delete</c> and their <c>-all</c> forms.
/// </summary>
internal sealed class PodBulkOptions
{
    public Option<bool> All { get; } = new("--all") { Description = "Every pod (narrowed by the filters)" };
    public Option<string?> Name { get; } = new("--name") { Description = "Only pods whose name matches this pattern (* and ?)", HelpName = "GLOB" };
    public Option<string[]> Status { get; } = new("--status") { Description = "Only pods with this status (repeatable or comma-separated)", HelpName = "STATUS" };
    public Option<TimeSpan?> OlderThan { get; } = ValidatedOptions.Duration("--older-than", "Only pods created longer ago than this (by RunPod's clock), e.g. 12h", mustBePositive: true);
    public Option<string?> Gpu { get; } = new("--gpu") { Description = "Only pods with this GPU type (\"RTX 4090\", 4090, an id)", HelpName = "TYPE" };
    public Option<int?> Parallel { get; } = ParallelOption();
    public Option<bool> Yes { get; } = SharedOptions.Yes();
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "List what would be done and change nothing" };

    public static Option<int?> ParallelOption() => ValidatedOptions.Int("--parallel",
        $"Pods worked on at once (default {BulkRunner.DefaultParallel}); all share one rate limiter", 1, BulkRunner.MaxParallel);

    public Symbol[] Filters => [Name, Status, OlderThan, Gpu];

    public Symbol[] Everything(bool withAll) => withAll ? [All, .. Filters, Parallel, Yes, DryRun] : [.. Filters, Parallel, Yes, DryRun];

    public bool AnyFilter(ParseResult parse) =>
        parse.GetValue(Name) is not null || parse.GetValue(Status) is { Length: > 0 } || parse.GetValue(OlderThan) is not null || parse.GetValue(Gpu) is not null;

    public int ParallelValue(ParseResult parse) => parse.GetValue(Parallel) ?? BulkRunner.DefaultParallel;

    /// <summary>The filters as one predicate; a GPU name is resolved (and a bad one rejected) before anything is listed.</summary>
    public async Task<Func<RunPod.Api.Pods.Pod, bool>> FilterAsync(Invocation inv, ParseResult parse, CancellationToken ct)
    {
        var statuses = (parse.GetValue(Status) ?? [])
            .SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(s => PodArguments.ValidateStatus("--status", s))
            .ToHashSet();
        var nameMatches = parse.GetValue(Name) is { } glob ? Glob.Matcher(glob) : null;
        var gpuId = parse.GetValue(Gpu) is { } gpu ? (await inv.GpuCatalog.ResolveAsync("--gpu", gpu, ct)).Id : null;
        var olderThan = parse.GetValue(OlderThan);
        var client = await inv.ClientAsync(ct);

        return pod =>
            (statuses.Count == 0 || statuses.Contains(pod.Status))
            && (nameMatches is null || nameMatches(pod.Name))
            && (gpuId is null || string.Equals(pod.Gpu?.Id, gpuId, StringComparison.Ordinal))
            // Age by the server's clock: createdAt was written by it, and the local clock may be off.
            && (olderThan is not { } age || (pod.CreatedAt is { } created && client.Transport.ServerNow - created > age));
    }
}
