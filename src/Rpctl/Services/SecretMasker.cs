using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rpctl.Services;

/// <summary>
/// Hides environment values that are likely secrets: by name (KEY, TOKEN, SECRET, PASSWORD...) or by
/// shape (rpa_, hf_, sk-, ghp_ prefixes, long random-looking strings). <c>--show-secrets</c> turns it off.
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "********";

    public static bool LooksSecret(string name, string value) =>
        value.Length > 0 && (SecretName().IsMatch(name) || SecretValue().IsMatch(value) || LooksRandom(value));

    /// <summary>Masks every secret-looking value of the object's <c>env</c> map, in place.</summary>
    public static void MaskEnv(JsonNode? resource)
    {
        if (resource is JsonObject obj && obj["env"] is JsonObject env)
        {
            foreach (var key in env.Select(p => p.Key).ToList())
            {
                if (env[key] is JsonValue v && v.TryGetValue<string>(out var s) && LooksSecret(key, s))
                    env[key] = Mask;
            }
        }
    }

    /// <summary>
    /// Writes a resource as it came from the API with its secret-looking env values masked, without
    /// building a tree of it first: the same result as <see cref="MaskEnv"/> and then writing.
    /// </summary>
    public static void WriteMasked(Utf8JsonWriter writer, JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("env", out var env) || env.ValueKind != JsonValueKind.Object)
        {
            resource.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in resource.EnumerateObject())
        {
            if (!property.NameEquals("env") || property.Value.ValueKind != JsonValueKind.Object)
            {
                property.WriteTo(writer);
                continue;
            }

            writer.WriteStartObject(property.Name);
            foreach (var variable in property.Value.EnumerateObject())
            {
                if (variable.Value.ValueKind == JsonValueKind.String && LooksSecret(variable.Name, variable.Value.GetString()!))
                    writer.WriteString(variable.Name, Mask);
                else
                    variable.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static bool LooksRandom(string value) =>
        value.Length >= 24 && !value.Contains(' ') && RandomChars().IsMatch(value)
        && value.Any(char.IsDigit) && value.Any(char.IsUpper) && value.Any(char.IsLower);

    [GeneratedRegex("(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIAL|AUTH|PRIVATE)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("^(rpa_|hf_|sk-|sk_|ghp_|gho_|github_pat_|xox[abp]-|AKIA|glpat-|ya29\\.)")]
    private static partial Regex SecretValue();

    [GeneratedRegex("^[A-Za-z0-9_\\-+/=.]+$")]
    private static partial Regex RandomChars();
}
