using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunPod.Emulator.Http;

/// <summary>
/// A small hand-written subset of JSON Schema, enough for RunPod's request bodies without a
/// reflection-based validator (AOT). Messages follow the wording RunPod's gateway returns
/// (`$: additional properties 'bogus' not allowed`), paths are `$.a.b[0]`.
/// </summary>
internal abstract record JsonRule
{
    public bool Nullable { get; init; }

    public void Check(string path, JsonNode? node, List<string> errors)
    {
        if (node is null)
        {
            if (!Nullable)
            {
                errors.Add($"{path}: expected {TypeName}, but got null");
            }
            return;
        }
        CheckValue(path, node, errors);
    }

    protected abstract string TypeName { get; }

    protected abstract void CheckValue(string path, JsonNode node, List<string> errors);

    protected bool ExpectKind(string path, JsonNode node, string expected, List<string> errors)
    {
        var actual = JsonKinds.Describe(node);
        if (actual == expected || (expected == "number" && actual == "integer"))
        {
            return true;
        }
        errors.Add($"{path}: expected {expected}, but got {actual}");
        return false;
    }

    /// <summary>Throws the 422 listing every violation, if any.</summary>
    public static void EnsureValid(JsonRule rule, JsonNode? body)
    {
        var errors = Validate(rule, body);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
    }

    public static List<string> Validate(JsonRule rule, JsonNode? body)
    {
        var errors = new List<string>();
        rule.Check("$", body, errors);
        return errors;
    }
}

internal sealed record StringRule(int MinLength = 0, string? Pattern = null, string[]? OneOf = null) : JsonRule
{
    protected override string TypeName => "string";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "string", errors))
        {
            return;
        }
        var value = node.GetValue<string>();
        if (value.Length < MinLength)
        {
            errors.Add($"{path}: length must be >= {MinLength}, but got {value.Length}");
        }
        if (Pattern is not null && !Regex.IsMatch(value, Pattern, RegexOptions.CultureInvariant))
        {
            errors.Add($"{path}: does not match pattern '{Pattern}'");
        }
        if (OneOf is not null && !OneOf.Contains(value))
        {
            errors.Add($"{path}: value must be one of {string.Join(", ", OneOf.Select(o => $"\"{o}\""))}");
        }
    }
}

internal sealed record IntegerRule(long? Minimum = null, long? Maximum = null) : JsonRule
{
    protected override string TypeName => "integer";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "integer", errors))
        {
            return;
        }
        var value = node.GetValue<double>();
        if (Minimum is { } min && value < min)
        {
            errors.Add($"{path}: must be >= {min} but found {value.ToString(CultureInfo.InvariantCulture)}");
        }
        if (Maximum is { } max && value > max)
        {
            errors.Add($"{path}: must be <= {max} but found {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

internal sealed record NumberRule(double? ExclusiveMinimum = null, double? Minimum = null) : JsonRule
{
    protected override string TypeName => "number";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "number", errors))
        {
            return;
        }
        if (Minimum is { } inclusive && node.GetValue<double>() < inclusive)
        {
            errors.Add($"{path}: must be >= {inclusive.ToString(CultureInfo.InvariantCulture)} but found {node.GetValue<double>().ToString(CultureInfo.InvariantCulture)}");
        }
        if (ExclusiveMinimum is { } min && node.GetValue<double>() <= min)
        {
            errors.Add($"{path}: must be > {min.ToString(CultureInfo.InvariantCulture)} but found {node.GetValue<double>().ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

internal sealed record BooleanRule : JsonRule
{
    protected override string TypeName => "boolean";

    protected override void CheckValue(string path, JsonNode node, List<string> errors) => ExpectKind(path, node, "boolean", errors);
}

internal sealed record ArrayRule(JsonRule Items, int? MaxItems = null, int? MinItems = null) : JsonRule
{
    protected override string TypeName => "array";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "array", errors))
        {
            return;
        }
        var array = node.AsArray();
        if (MinItems is { } least && array.Count < least)
        {
            errors.Add($"{path}: minimum {least} items required, but found {array.Count} items");
        }
        if (MaxItems is { } max && array.Count > max)
        {
            errors.Add($"{path}: maximum {max} items required, but found {array.Count} items");
        }
        for (var i = 0; i < array.Count; i++)
        {
            Items.Check($"{path}[{i}]", array[i], errors);
        }
    }
}

/// <summary>An object used as a map (`env`): any key, every value of one type.</summary>
internal sealed record MapRule(JsonRule Values) : JsonRule
{
    protected override string TypeName => "object";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "object", errors))
        {
            return;
        }
        foreach (var (key, value) in node.AsObject())
        {
            Values.Check($"{path}.{key}", value, errors);
        }
    }
}

/// <summary>A closed object (additionalProperties/unevaluatedProperties false).</summary>
internal sealed record ObjectRule(IReadOnlyDictionary<string, JsonRule> Properties, string[]? Required = null, int MinProperties = 0) : JsonRule
{
    protected override string TypeName => "object";

    protected override void CheckValue(string path, JsonNode node, List<string> errors)
    {
        if (!ExpectKind(path, node, "object", errors))
        {
            return;
        }
        var obj = node.AsObject();
        var missing = (Required ?? []).Where(r => !obj.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"{path}: missing properties: {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }
        if (obj.Count < MinProperties)
        {
            errors.Add($"{path}: minimum {MinProperties} properties required, but found {obj.Count} properties");
        }
        var unknown = obj.Select(p => p.Key).Where(k => !Properties.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{path}: additional properties {string.Join(", ", unknown.Select(u => $"'{u}'"))} not allowed");
        }
        foreach (var (key, value) in obj)
        {
            if (Properties.TryGetValue(key, out var rule))
            {
                rule.Check($"{path}.{key}", value, errors);
            }
        }
    }
}

internal static class JsonNodeReads
{
    public static string? Str(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)Number(v) : null;

    public static double? Double(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? Number(v) : null;

    /// <summary>Works for parsed values and for values built in code (an int JsonValue refuses GetValue&lt;double&gt;).</summary>
    private static double Number(JsonValue v) => double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);

    public static bool? Bool(this JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static List<string>? Strings(this JsonObject obj, string name) =>
        obj[name] is JsonArray a ? [.. a.Select(x => x?.GetValue<string>() ?? "")] : null;

    public static Dictionary<string, string>? StringMap(this JsonObject obj, string name) =>
        obj[name] is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "") : null;
}
