using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RunPod.Emulator.Http;

/// <summary>
/// Replaces registry passwords in a logged request body with <c>sha256:&lt;16 hex&gt;</c>: the request
/// log is served by GET /_emulator/requests and, with <c>--local</c>, kept in the state file, so the
/// secret itself must never be stored. The hash still lets a test prove the exact password was sent.
/// </summary>
internal static partial class PasswordRedaction
{
    /// <summary>The stand-in stored for <paramref name="password"/>.</summary>
    public static string Hash(string password) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)))[..16];

    /// <summary>Redacts every property named password (any depth, any case), and password literals in GraphQL query text.</summary>
    public static JsonNode? Redact(JsonNode? body)
    {
        if (body is JsonValue value && value.TryGetValue<string>(out var text))
            return JsonValue.Create(RedactQueryText(text, null));
        Walk(body);
        return body;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // A GraphQL document may pass the password through a variable of any name: `password: $pw`.
                if (obj["query"] is JsonValue q && q.TryGetValue<string>(out var query))
                    obj["query"] = RedactQueryText(query, obj["variables"] as JsonObject);
                foreach (var (key, child) in obj.ToList())
                {
                    if (key.Equals("password", StringComparison.OrdinalIgnoreCase) && child is not null)
                        obj[key] = HashOf(child);
                    else
                        Walk(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                    Walk(child);
                break;
        }
    }

    private static string HashOf(JsonNode value) =>
        Hash(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString());

    private static string RedactQueryText(string query, JsonObject? variables)
    {
        var redacted = PasswordLiteral().Replace(query, m => $"{m.Groups["lead"].Value}\"{Hash(Unescape(m.Groups["literal"].Value))}\"");
        if (variables is not null)
        {
            foreach (Match m in PasswordVariable().Matches(query))
            {
                var name = m.Groups["name"].Value;
                // A variable named password is redacted by the walk that follows; hashing it here too would hash the hash.
                if (!name.Equals("password", StringComparison.OrdinalIgnoreCase) && variables[name] is { } secret)
                    variables[name] = HashOf(secret);
            }
        }
        return redacted;
    }

    /// <summary>GraphQL string escapes are JSON's; a literal that does not parse is hashed as written.</summary>
    private static string Unescape(string literal)
    {
        try
        {
            return JsonNode.Parse($"\"{literal}\"")?.GetValue<string>() ?? literal;
        }
        catch (JsonException)
        {
            return literal;
        }
    }

    [GeneratedRegex(@"(?<lead>\bpassword\s*:\s*)""(?<literal>(?:[^""\\]|\\.)*)""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLiteral();

    [GeneratedRegex("""\bpassword\s*:\s*\$(?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordVariable();
}
