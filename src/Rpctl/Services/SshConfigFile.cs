using System.Text;
using System.Text.RegularExpressions;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>One <c>Host rp-&lt;name&gt;</c> entry of rpctl's block.</summary>
internal sealed record SshConfigEntry(string Alias, string PodId, string PodName, SshTarget Target, string? IdentityFile);

/// <summary>
/// rpctl's marked block in <c>~/.ssh/config</c>. Only the lines between the markers are ever
/// rewritten; everything else in the file is kept byte for byte. The file is replaced atomically
/// (write a sibling, then rename) and keeps its mode (0600 for a new file); a symlinked config
/// (dotfile managers) is written through to its target.
/// </summary>
internal static partial class SshConfigFile
{
    public const string Begin = "# >>> rpctl: pods (managed by 'rpctl ssh config'; edits inside this block are replaced) >>>";
    public const string End = "# <<< rpctl <<<";

    public static string PathFor(CliContext context) => Path.Combine(context.HomeDirectory, ".ssh", "config");

    /// <summary>The pod ids of the entries already in the block, with their aliases.</summary>
    public static List<(string Alias, string PodId)> ReadEntries(string text)
    {
        var (start, end) = FindBlock(text.Split('\n'));
        if (start < 0)
            return [];
        var lines = text.Split('\n')[start..end];
        var entries = new List<(string, string)>();
        string? alias = null;
        foreach (var line in lines)
        {
            if (HostLine().Match(line) is { Success: true } h)
                alias = h.Groups[1].Value;
            else if (alias is not null && PodLine().Match(line) is { Success: true } p)
                entries.Add((alias, p.Groups[1].Value));
        }

        return entries;
    }

    public static string RenderBlock(IReadOnlyList<SshConfigEntry> entries, string knownHosts)
    {
        var sb = new StringBuilder();
        sb.Append(Begin).Append('\n');
        foreach (var e in entries)
        {
            sb.Append("Host ").Append(e.Alias).Append('\n');
            sb.Append("    # rpctl pod ").Append(e.PodId).Append(" (").Append(e.PodName).Append(", ").Append(e.Target.Kind).Append(" endpoint)\n");
            sb.Append("    HostName ").Append(e.Target.Host).Append('\n');
            sb.Append("    Port ").Append(e.Target.Port).Append('\n');
            sb.Append("    User ").Append(e.Target.User).Append('\n');
            if (e.IdentityFile is not null)
                sb.Append("    IdentityFile \"").Append(e.IdentityFile).Append("\"\n");
            sb.Append("    StrictHostKeyChecking accept-new\n");
            sb.Append("    UserKnownHostsFile \"").Append(knownHosts).Append("\"\n");
            if (e.Target.IsDirect)
                sb.Append("    HostKeyAlias ").Append(SshCommandLine.HostKeyAlias(e.PodId)).Append('\n');
        }

        // Whatever follows the block in the user's file was global before it was inserted; "Host *"
        // closes the last entry so it stays global.
        sb.Append("Host *\n");
        sb.Append(End).Append('\n');
        return sb.ToString();
    }

    /// <summary>The file's new text: the block replaced in place, or put first (so it wins over a later "Host *"), or removed when empty.</summary>
    public static string Merge(string original, string? block)
    {
        var lines = original.Split('\n');
        var (start, end) = FindBlock(lines);
        if (start < 0)
            return block is null ? original : block + (original.Length > 0 ? "\n" + original : "");

        var before = string.Join('\n', lines[..start]);
        var after = string.Join('\n', lines[(end + 1)..]);
        var middle = block ?? "";
        if (block is null && after.StartsWith('\n'))
            after = after[1..]; // the blank line put between a new block and the user's text
        if (before.Length > 0)
            before += "\n";
        return before + middle + after;
    }

    public static void WriteAtomically(string path, string text)
    {
        var target = ResolveLink(path);
        var dir = Path.GetDirectoryName(target)!;
        PrivateFiles.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.rpctl-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            PrivateFiles.CopyModeOrPrivate(target, temp);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
    }

    private static (int Start, int End) FindBlock(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.TrimEnd('\r') == Begin);
        if (start < 0)
            return (-1, -1);
        var end = Array.FindIndex(lines, start + 1, l => l.TrimEnd('\r') == End);
        if (end < 0)
            throw new CliException(ExitCodes.Failure, $"~/.ssh/config has rpctl's start marker but not its end marker ('{End}'); fix the file by hand");
        return (start, end);
    }

    [GeneratedRegex(@"^Host\s+(rp-\S+)\s*$")]
    private static partial Regex HostLine();

    [GeneratedRegex(@"^\s*# rpctl pod ([a-z0-9]+)\b")]
    private static partial Regex PodLine();
}
