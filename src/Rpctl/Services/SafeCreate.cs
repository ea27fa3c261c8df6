using System.Diagnostics;
using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// How to recognise a resource this run may have created: its kind (for messages), the unique name
/// it was created with, a lookup of every resource with that name (with its creation time, when the
/// API has one), and the command that lets a user look for themselves. Without a creation time
/// (<paramref name="CreatedAt"/> null), the namesakes that exist before the first send are noted
/// and never taken for ours.
/// </summary>
internal sealed record CreatedLookup<T>(
    string Kind,
    string Name,
    Func<CancellationToken, Task<List<T>>> FindByNameAsync,
    Func<T, string> Id,
    Func<T, DateTimeOffset?>? CreatedAt,
    string CheckCommand);

/// <summary>
/// Sends a create so that a lost answer never leads to a duplicate. The retry handler already
/// re-sends a create that certainly did not arrive (refused connection, 429, 503). When the
/// outcome is unknown (timeout, dropped connection, 500/502/504), this looks for the resource
/// before doing anything else: found → use it; not found after an answer or a dropped connection →
/// send again; not found after a timeout → stop, because RunPod may still be creating it.
/// Ctrl-C (or --deadline) during the create also looks before exiting, so the error names what exists.
/// </summary>
internal static class SafeCreate
{
    /// <summary>Resources created within this margin before the first send still count as ours (second-precision clocks).</summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(5);

    public static async Task<T> SendAsync<T>(Invocation inv, CreatedLookup<T> lookup, Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        var client = await inv.ClientAsync(ct);
        // An API object without a creation time: what already carries the name cannot be ours.
        var before = lookup.CreatedAt is null ? (await lookup.FindByNameAsync(ct)).Select(lookup.Id).ToHashSet() : null;
        var sinceFirstSend = Stopwatch.StartNew();
        var network = inv.Settings.Network;
        for (var resends = 0; ; resends++)
        {
            try
            {
                return await send(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                var (whatExists, id) = await DescribeAfterInterruptAsync(client, lookup, before, sinceFirstSend.Elapsed);
                throw inv.Interrupted(whatExists, id);
            }
            catch (Exception ex) when (UnknownOutcome(ex) is { } why)
            {
                inv.Output.Note($"{lookup.Kind} create: {why}; checking whether {lookup.Kind} '{lookup.Name}' was created before doing anything else");
                var found = await FindOursAsync(client, lookup, before, sinceFirstSend.Elapsed, ct);
                if (found.Count == 1)
                {
                    inv.Output.Note($"{lookup.Kind} '{lookup.Name}' was created ({lookup.Id(found[0])}); not sending the request again");
                    return found[0];
                }

                var ids = string.Join(", ", found.Select(lookup.Id));
                if (found.Count > 1)
                    throw new CliException(ExitCodes.Failure,
                        $"{why}, and {found.Count} {lookup.Kind}s named '{lookup.Name}' were created just now ({ids}); not creating another", lookup.Id(found[0]));
                if (ex is RunPodTransportException { TimedOut: true })
                    throw new CliException(ExitCodes.Failure,
                        $"{why}; no {lookup.Kind} named '{lookup.Name}' exists yet, but RunPod may still be creating it, so rpctl does not send it again: " +
                        $"check with '{lookup.CheckCommand}' before retrying");
                if (resends >= network.Retries)
                    throw new CliException(ExitCodes.Failure,
                        $"{why}; no {lookup.Kind} named '{lookup.Name}' was created; giving up after {resends + 1} attempts");

                inv.Output.Note($"no {lookup.Kind} named '{lookup.Name}' exists: sending the create again");
                await Task.Delay(Backoff(network.RetryBaseDelay, resends), ct);
            }
        }
    }

    /// <summary>Why the outcome is unknown, or null when the failure proves nothing was created.</summary>
    internal static string? UnknownOutcome(Exception ex) => ex switch
    {
        RunPodTransportException { MayHaveReachedServer: true } t => t.Message,
        RunPodApiException { MayHaveBeenProcessed: true } a => $"RunPod answered HTTP {a.Status} ({(string.IsNullOrEmpty(a.Detail) ? a.Title : a.Detail)})",
        _ => null,
    };

    /// <summary>
    /// Resources with the name, created since the first send by the server's own clock (the
    /// <c>Date</c> of the lookup's answer minus the time elapsed here), or, without creation times,
    /// not among those that existed before it, so an older namesake is not mistaken for ours.
    /// </summary>
    private static async Task<List<T>> FindOursAsync<T>(RunPodClient client, CreatedLookup<T> lookup, HashSet<string>? before, TimeSpan elapsed, CancellationToken ct)
    {
        var named = await lookup.FindByNameAsync(ct);
        if (lookup.CreatedAt is not { } createdAt)
            return named.Where(r => before?.Contains(lookup.Id(r)) != true).ToList();
        var since = client.Transport.ServerNow - elapsed - ClockMargin;
        return named.Where(r => createdAt(r) is not { } created || created >= since).ToList();
    }

    private static async Task<(string Message, string? Id)> DescribeAfterInterruptAsync<T>(RunPodClient client, CreatedLookup<T> lookup, HashSet<string>? before, TimeSpan elapsed)
    {
        // The user's token is cancelled; a short look of our own tells them what is now billing.
        using var look = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var found = await FindOursAsync(client, lookup, before, elapsed, look.Token);
            if (found.Count == 0)
                return ($"no {lookup.Kind} named '{lookup.Name}' exists yet, but RunPod may still create it: check with '{lookup.CheckCommand}'", null);
            return ($"{lookup.Kind} {string.Join(", ", found.Select(lookup.Id))} ({lookup.Name}) was created and may be billing", lookup.Id(found[0]));
        }
        catch (Exception)
        {
            return ($"the create request may have reached RunPod; check with '{lookup.CheckCommand}'", null);
        }
    }

    private static TimeSpan Backoff(TimeSpan baseDelay, int resends) =>
        TimeSpan.FromMilliseconds(Math.Min(5000, baseDelay.TotalMilliseconds * Math.Pow(2, resends) * (0.5 + Random.Shared.NextDouble())));
}
