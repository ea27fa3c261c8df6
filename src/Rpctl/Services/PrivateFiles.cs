namespace Rpctl.Services;

/// <summary>Directories and files only their owner may read (0700/0600 on Unix; Windows keeps its ACLs).</summary>
internal static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path))
            return;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
    }

    /// <summary>Gives <paramref name="file"/> the mode of <paramref name="like"/> when that exists, else 0600.</summary>
    public static void CopyModeOrPrivate(string like, string file)
    {
        if (OperatingSystem.IsWindows())
            return;
        File.SetUnixFileMode(file, File.Exists(like) ? File.GetUnixFileMode(like) : OwnerOnlyFile);
    }
}
