using System.Text.Json;
using Json.Schema;

namespace TestSupport;

/// <summary>
/// Validates JSON against a component schema of RunPod's OpenAPI 3.1 contract
/// (`shared/runpod-openapi-v2.json`, found beside the checkout; never copied into the repo).
/// The whole document is registered so `$ref: '#/components/schemas/X'` resolves.
/// </summary>
public static class OpenApiContract
{
    private static readonly Uri DocumentUri = new("https://contract.rpctl.test/runpod-openapi-v2.json");
    private static readonly Lazy<(SchemaRegistry? Registry, string Searched)> Loaded = new(Load);

    /// <summary>The spec path if found by walking up from the test binaries, else null.</summary>
    public static string? SpecPath { get; private set; }

    /// <summary>Skips the calling test (visibly) when the spec is absent.</summary>
    public static void RequireSpec()
    {
        if (Loaded.Value.Registry is null)
        {
            // Same as Assert.Skip (TestSupport references only xunit extensibility): v3 treats this message prefix as a dynamic skip.
            throw new InvalidOperationException($"$XunitDynamicSkip$OpenAPI spec not found at {Loaded.Value.Searched}; contract test skipped");
        }
    }

    /// <summary>Asserts that <paramref name="json"/> is a valid instance of components.schemas.<paramref name="schemaName"/>.</summary>
    public static void AssertValid(string schemaName, string json)
    {
        RequireSpec();
        var errors = Validate(schemaName, json);
        if (errors.Count > 0)
        {
            throw new ContractViolationException($"response does not match schema {schemaName}:\n{string.Join("\n", errors)}\n--- body ---\n{json}");
        }
    }

    public static List<string> Validate(string schemaName, string json)
    {
        RequireSpec();
        // OpenAPI adds keywords JSON Schema does not know (discriminator, x-enum-varnames): allow them.
        var options = new BuildOptions { SchemaRegistry = Loaded.Value.Registry!, Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
        var schema = JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{DocumentUri}}#/components/schemas/{{schemaName}}"}""", options);
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key}: {e.Value}"))];
    }

    private static (SchemaRegistry?, string) Load()
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "runpod-openapi-v2.json");
            searched.Add(candidate);
            if (File.Exists(candidate))
            {
                SpecPath = candidate;
                var document = JsonDocument.Parse(File.ReadAllText(candidate));
                var registry = new SchemaRegistry();
                registry.Register(DocumentUri, new JsonElementBaseDocument(document.RootElement.Clone(), DocumentUri));
                return (registry, candidate);
            }
        }
        return (null, string.Join(", ", searched.Take(3)) + ", ... (shared/runpod-openapi-v2.json in any ancestor)");
    }
}

public sealed class ContractViolationException(string message) : Exception(message);
