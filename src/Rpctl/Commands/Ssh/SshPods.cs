using RunPod.Api;
using Rpctl.Cli;

namespace Rpctl.Commands.Ssh;

/// <summary>A pod named on the command line: its id, or its exact name when that is unique.</summary>
internal static class SshPods
{
    public static async Task<RunPod.Api.Pods.Pod> ResolveAsync(RunPodClient client, string idOrName, CancellationToken ct)
    {
        try
        {
            return await client.Pods.GetAsync(idOrName, ct);
        }
        catch (RunPodApiException e) when (e.Status == 404)
        {
            var named = (await client.Pods.ListAsync(ct)).Where(p => p.Name == idOrName).ToList();
            return named.Count switch
            {
                1 => named[0],
                0 => throw CliException.NotFound($"no pod with id or name '{idOrName}' (see 'rpctl pod list')"),
                _ => throw CliException.Usage($"the name '{idOrName}' is shared by pods {string.Join(", ", named.Select(p => p.Id))}; give an id"),
            };
        }
    }
}
