namespace RunPod.Emulator.State;

internal static class Schema
{
    /// <summary>
    /// documents: every resource as one JSON row, scoped to the account (API key fingerprint) that owns it.
    /// settings: host-wide values (clock offset, config, capacity overrides) shared by all processes.
    /// </summary>
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS documents (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            account TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (kind, id));
        CREATE INDEX IF NOT EXISTS documents_account ON documents (account, kind);
        CREATE TABLE IF NOT EXISTS settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS request_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS rate_counters (
            account TEXT NOT NULL,
            window TEXT NOT NULL,
            window_start INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (account, window));
        """;
}
