using System.Text.Json.Nodes;

namespace RunPod.Emulator.Admin;

/// <summary>
/// The faults in force, in the order they were added; the first one that fires on a request wins.
/// Kept in memory (per emulator process) because a fault is a test's short-lived instruction, not
/// account state; <c>/_emulator/reset</c> clears them with everything else.
/// </summary>
internal sealed class FaultStore
{
    private readonly object _lock = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId;

    public FaultRule Add(JsonObject body)
    {
        lock (_lock)
        {
            var rule = FaultRule.Parse("f" + ++_nextId, body);
            _rules.Add(rule);
            return rule;
        }
    }

    /// <summary>The fault that fires on this request, if any (its count is consumed).</summary>
    public FaultRule? Fire(string method, string path)
    {
        lock (_lock)
        {
            return _rules.FirstOrDefault(r => r.Matches(method, path) && r.TryFire());
        }
    }

    public List<JsonObject> List()
    {
        lock (_lock)
        {
            return [.. _rules.Select(r => r.ToJson())];
        }
    }

    public bool Remove(string id)
    {
        lock (_lock)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }
}
