using Microsoft.Data.Sqlite;

namespace RunPod.Emulator.State;

/// <summary>Typed helpers over one open transaction; every query is parameterised.</summary>
internal sealed class StateTransaction(SqliteConnection connection, SqliteTransaction transaction)
{
    // Values derived from documents (capacity in use), valid until a document changes in this transaction.
    private Dictionary<string, object>? _derived;

    /// <summary>
    /// Computes a value from the documents once per transaction (placing one pod asks for the free
    /// capacity of every data center; a catalog listing asks for every GPU × data center).
    /// Any document write in the transaction forgets it.
    /// </summary>
    public T Derived<T>(string key, Func<T> compute) where T : class
    {
        _derived ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (_derived.TryGetValue(key, out var known))
        {
            return (T)known;
        }
        var value = compute();
        _derived[key] = value;
        return value;
    }

    public string? GetDocument(string kind, string account, string id) =>
        Scalar("SELECT json FROM documents WHERE kind=$k AND id=$i AND account=$a", ("$k", kind), ("$i", id), ("$a", account));

    /// <summary>Reads a document whatever account owns it (capacity accounting spans accounts).</summary>
    public List<(string Account, string Json)> ListAllDocuments(string kind)
    {
        var rows = new List<(string, string)>();
        using var cmd = Command("SELECT account, json FROM documents WHERE kind=$k ORDER BY rowid", ("$k", kind));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    public List<string> ListDocuments(string kind, string account)
    {
        var rows = new List<string>();
        using var cmd = Command("SELECT json FROM documents WHERE kind=$k AND account=$a ORDER BY rowid", ("$k", kind), ("$a", account));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public bool DocumentIdExists(string kind, string id) =>
        Scalar("SELECT 1 FROM documents WHERE kind=$k AND id=$i", ("$k", kind), ("$i", id)) is not null;

    public void PutDocument(string kind, string account, string id, string json)
    {
        _derived = null;
        NonQuery("INSERT INTO documents(kind,id,account,json) VALUES($k,$i,$a,$j) ON CONFLICT(kind,id) DO UPDATE SET json=excluded.json, account=excluded.account",
            ("$k", kind), ("$i", id), ("$a", account), ("$j", json));
    }

    public bool DeleteDocument(string kind, string account, string id)
    {
        _derived = null;
        return NonQuery("DELETE FROM documents WHERE kind=$k AND id=$i AND account=$a", ("$k", kind), ("$i", id), ("$a", account)) > 0;
    }

    public string? GetSetting(string key) => Scalar("SELECT value FROM settings WHERE key=$k", ("$k", key));

    public void PutSetting(string key, string value) =>
        NonQuery("INSERT INTO settings(key,value) VALUES($k,$v) ON CONFLICT(key) DO UPDATE SET value=excluded.value", ("$k", key), ("$v", value));

    public void DeleteSetting(string key) => NonQuery("DELETE FROM settings WHERE key=$k", ("$k", key));

    public List<(string Key, string Value)> ListSettings(string prefix)
    {
        var rows = new List<(string, string)>();
        using var cmd = Command("SELECT key, value FROM settings WHERE substr(key,1,length($p))=$p ORDER BY key", ("$p", prefix));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    public void AppendRequestLog(string json) => NonQuery("INSERT INTO request_log(json) VALUES($j)", ("$j", json));

    public List<string> ListRequestLog()
    {
        var rows = new List<string>();
        using var cmd = Command("SELECT json FROM request_log ORDER BY seq");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public void ClearRequestLog() => NonQuery("DELETE FROM request_log");

    /// <summary>Counts one request in a fixed window and returns the count including it.</summary>
    public long CountRequest(string account, string window, long windowStart)
    {
        NonQuery("""
            INSERT INTO rate_counters(account, window, window_start, count) VALUES($a,$w,$s,1)
            ON CONFLICT(account, window) DO UPDATE SET
              count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
              window_start = excluded.window_start
            """, ("$a", account), ("$w", window), ("$s", windowStart));
        return Convert.ToInt64(Scalar("SELECT count FROM rate_counters WHERE account=$a AND window=$w", ("$a", account), ("$w", window)), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void WipeEverything()
    {
        _derived = null;
        NonQuery("DELETE FROM documents; DELETE FROM settings; DELETE FROM request_log; DELETE FROM rate_counters;");
    }

    private string? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private int NonQuery(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return cmd;
    }
}
