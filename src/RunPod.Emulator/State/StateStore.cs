using Microsoft.Data.Sqlite;

namespace RunPod.Emulator.State;

/// <summary>
/// All emulator state lives in one SQLite database so that separate CLI processes
/// (each `rpctl --local` invocation) share it. One connection per host, serialised by a lock;
/// writes use BEGIN IMMEDIATE so two processes never interleave a read-modify-write.
/// </summary>
internal sealed class StateStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public StateStore(string? path)
    {
        string connectionString;
        if (path is null)
        {
            // A private in-memory database per host: tests must not see each other's state.
            connectionString = new SqliteConnectionStringBuilder { DataSource = ":memory:" }.ToString();
        }
        else
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            CreateOwnerOnly(full);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString();
        }

        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Execute(path is null ? "PRAGMA foreign_keys=OFF;" : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        Execute(Schema.Sql);
        if (path is not null)
            RestrictToOwner(Path.GetFullPath(path));
    }

    /// <summary>
    /// Creates a new state file empty and 0600 before SQLite opens it, so it is never readable by others,
    /// not even between creation and <see cref="RestrictToOwner"/>; SQLite gives its WAL and shared-memory
    /// files the database file's mode.
    /// </summary>
    private static void CreateOwnerOnly(string file)
    {
        if (OperatingSystem.IsWindows() || File.Exists(file))
            return;
        try
        {
            using var _ = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first; RestrictToOwner still applies.
        }
    }

    /// <summary>
    /// The state holds pods' env values (tokens, passwords), so the database and its WAL/shared-memory
    /// companions are readable by their owner only, whatever the umask.
    /// </summary>
    private static void RestrictToOwner(string file)
    {
        if (OperatingSystem.IsWindows())
            return;
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(f))
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction.</summary>
    public T Write<T>(Func<StateTransaction, T> work)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction(deferred: false);
            var result = work(new StateTransaction(_connection, tx));
            tx.Commit();
            return result;
        }
    }

    public void Write(Action<StateTransaction> work) => Write(tx => { work(tx); return 0; });

    /// <summary>Runs <paramref name="work"/> in a read transaction (a consistent snapshot).</summary>
    public T Read<T>(Func<StateTransaction, T> work)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction(deferred: true);
            var result = work(new StateTransaction(_connection, tx));
            tx.Commit();
            return result;
        }
    }

    private void Execute(string sql)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();
}
