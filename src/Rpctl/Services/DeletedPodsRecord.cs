using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// The ids of pods rpctl has tried to delete (kept in $XDG_DATA_HOME/rpctl/deleted-pods, newest
/// last). RunPod forgets a terminated pod, so this is how a re-run tells "deleted by an earlier
/// attempt, perhaps with a lost answer" (already deleted, fine) from "never existed" (not found).
/// </summary>
internal sealed class DeletedPodsRecord(CliContext context)
{
    private const int Keep = 2000;

    public string FilePath => Path.Combine(context.DataDirectory, "deleted-pods");

    private HashSet<string>? _known;

    public bool Contains(string id) => (_known ??= Read()).Contains(id);

    /// <summary>Recorded before the DELETE is sent, so an attempt whose answer never arrives still counts.</summary>
    public void Add(IEnumerable<string> ids)
    {
        var added = ids.Where(id => id.Length > 0).ToList();
        if (added.Count == 0)
            return;
        try
        {
            var lines = ReadLines().Concat(added).Distinct(StringComparer.Ordinal).TakeLast(Keep);
            Config.AtomicFile.Write(FilePath, string.Join('\n', lines) + "\n", secret: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a convenience for re-runs: failing to write it must not fail the delete.
            context.Err.WriteLine($"warning: could not record deleted pods in {FilePath}: {e.Message}");
        }
    }

    private HashSet<string> Read() => ReadLines().ToHashSet(StringComparer.Ordinal);

    private IEnumerable<string> ReadLines()
    {
        try
        {
            return File.Exists(FilePath) ? File.ReadAllLines(FilePath).Where(l => l.Length > 0).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
