using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.Admin;

/// <summary>What a fault does to a request it fires on.</summary>
internal enum FaultDrop
{
    None,

    /// <summary>The connection is cut before the request is processed: nothing changed on the server.</summary>
    Before,

    /// <summary>The request is processed, then the connection is cut before the answer: the case that tempts clients into duplicates.</summary>
    After,
}

/// <summary>
/// One injected fault, as posted to <c>/_emulator/faults</c> (shapes in the emulator README). It matches
/// by method and a path pattern, fires a fixed number of times or at a seeded rate, and answers with a
/// status, delays, or drops the connection before or after processing.
/// </summary>
internal sealed class FaultRule
{
    private readonly Regex _path;
    private readonly Random? _random;

    private FaultRule(string id, JsonObject spec, Regex path, bool noCapacity)
    {
        Id = id;
        Spec = spec;
        _path = path;
        Method = spec.Str("method")?.ToUpperInvariant();
        Status = spec.Int("status") ?? (noCapacity ? 400 : null);
        Detail = spec.Str("detail") ?? (noCapacity ? ApiException.NoCapacityDetail : null);
        RetryAfterSeconds = spec.Int("retryAfter");
        LatencyMs = spec.Int("latencyMs");
        Drop = spec.Str("drop") switch { "before" => FaultDrop.Before, "after" => FaultDrop.After, _ => FaultDrop.None };
        Remaining = spec.Int("count");
        Rate = spec.Double("rate");
        if (Rate is not null)
        {
            _random = new Random(spec.Int("seed") ?? 0);
        }
    }

    public string Id { get; }
    public JsonObject Spec { get; }
    public string? Method { get; }
    public int? Status { get; }
    public string? Detail { get; }
    public int? RetryAfterSeconds { get; }
    public int? LatencyMs { get; }
    public FaultDrop Drop { get; }
    public double? Rate { get; }

    /// <summary>Firings left; null = unlimited.</summary>
    public int? Remaining { get; private set; }

    public int Fired { get; private set; }

    public bool Matches(string method, string path) =>
        (Method is null or "*" || Method == method.ToUpperInvariant()) && _path.IsMatch(path);

    /// <summary>Called under the store's lock for a matching request: decides whether this one is hit.</summary>
    public bool TryFire()
    {
        if (Remaining is <= 0)
        {
            return false;
        }
        if (_random is not null && _random.NextDouble() >= Rate)
        {
            return false;
        }
        Fired++;
        if (Remaining is { } left)
        {
            Remaining = left - 1;
        }
        return true;
    }

    public bool Exhausted => Remaining is <= 0;

    /// <summary>A short description for the request log: "status 500", "drop after", "latency 200ms".</summary>
    public string Describe() =>
        Drop != FaultDrop.None ? $"drop {Drop.ToString().ToLowerInvariant()}"
        : Status is { } s ? $"status {s}"
        : $"latency {LatencyMs}ms";

    public JsonObject ToJson()
    {
        var json = Spec.DeepClone().AsObject();
        json["id"] = Id;
        json["fired"] = Fired;
        json["remaining"] = Remaining;
        return json;
    }

    /// <summary>Validates a posted fault (422 with RunPod-style messages on bad input).</summary>
    public static FaultRule Parse(string id, JsonObject body)
    {
        var errors = new List<string>();
        var known = new HashSet<string> { "method", "path", "status", "detail", "noCapacity", "retryAfter", "latencyMs", "drop", "count", "rate", "seed" };
        foreach (var (name, _) in body)
        {
            if (!known.Contains(name))
            {
                errors.Add($"$: additional properties '{name}' not allowed");
            }
        }
        var path = Text(body, "path", errors);
        if (path is null && !body.ContainsKey("path"))
        {
            errors.Add("$: missing properties: 'path'");
        }
        else if (path is not null && !path.StartsWith('/'))
        {
            errors.Add("$.path: expected a path starting with '/', e.g. /v2/pods/*/action");
        }
        Text(body, "method", errors);
        Text(body, "detail", errors);
        var status = Number(body, "status", 100, 599, errors);
        var noCapacity = body["noCapacity"] is JsonValue v && v.TryGetValue<bool>(out var nc) && nc;
        Number(body, "retryAfter", 0, 86_400, errors);
        var latency = Number(body, "latencyMs", 0, 600_000, errors);
        Number(body, "count", 1, int.MaxValue, errors);
        Number(body, "seed", int.MinValue, int.MaxValue, errors);
        var drop = Text(body, "drop", errors);
        if (drop is not null && drop is not ("before" or "after"))
        {
            errors.Add($"$.drop: value must be one of 'before', 'after' (got '{drop}')");
        }
        if (body["rate"] is { } rateNode && (rateNode is not JsonValue rv || !rv.TryGetValue<double>(out var rate) || rate <= 0 || rate > 1))
        {
            errors.Add("$.rate: expected a number greater than 0 and at most 1");
        }
        if (status is null && !noCapacity && latency is null && drop is null)
        {
            errors.Add("$: a fault needs at least one of 'status', 'noCapacity', 'latencyMs', 'drop'");
        }
        if (drop is not null && (status is not null || noCapacity))
        {
            errors.Add("$: 'drop' cannot be combined with 'status' or 'noCapacity' (a dropped connection has no answer)");
        }
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        return new FaultRule(id, body, PathPattern(path!), noCapacity);
    }

    /// <summary><c>*</c> is one path segment (or part of one), <c>**</c> any run of segments; the query string is ignored.</summary>
    private static Regex PathPattern(string glob)
    {
        var pattern = Regex.Escape(glob).Replace(@"\*\*", "\u0001", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace("\u0001", ".*", StringComparison.Ordinal);
        return new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant);
    }

    private static string? Text(JsonObject body, string name, List<string> errors)
    {
        if (body[name] is null)
        {
            return null;
        }
        if (body[name] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        errors.Add($"$.{name}: expected string, but got {JsonKinds.Describe(body[name])}");
        return null;
    }

    private static int? Number(JsonObject body, string name, long min, long max, List<string> errors)
    {
        if (body[name] is null)
        {
            return null;
        }
        if (body[name] is JsonValue value && value.TryGetValue<double>(out var n) && n == Math.Floor(n) && n >= min && n <= max)
        {
            return (int)n;
        }
        errors.Add($"$.{name}: expected an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }
}
