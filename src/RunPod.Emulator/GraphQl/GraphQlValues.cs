using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace RunPod.Emulator.GraphQl;

/// <summary>A request error GraphQL answers with HTTP 400 (syntax, unknown field, bad variables).</summary>
internal sealed class GraphQlRequestException(string message) : Exception(message);

/// <summary>
/// Turns argument literals into JsonNode, substituting `variables`, so resolvers read inline
/// literals (runpod-python) and variables (runpodctl, runpod-mcp) the same way.
/// </summary>
internal static class GraphQlValues
{
    public static JsonNode? ToJson(GraphQLValue value, JsonObject variables) => value switch
    {
        GraphQLVariable v => variables.TryGetPropertyValue(v.Name.StringValue, out var bound)
            ? bound?.DeepClone()
            : throw new GraphQlRequestException($"Variable \"${v.Name.StringValue}\" is not defined."),
        GraphQLStringValue s => JsonValue.Create(s.Value.ToString()),
        // Parsed (not JsonValue.Create) so numbers read back as any numeric type, like variables do.
        GraphQLIntValue i => JsonNode.Parse(i.Value.ToString()),
        GraphQLFloatValue f => JsonNode.Parse(f.Value.ToString()),
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLNullValue => null,
        GraphQLEnumValue e => JsonValue.Create(e.Name.StringValue),
        GraphQLListValue l => new JsonArray([.. (l.Values ?? []).Select(x => ToJson(x, variables))]),
        GraphQLObjectValue o => new JsonObject((o.Fields ?? []).Select(f => KeyValuePair.Create(f.Name.StringValue, ToJson(f.Value, variables)))),
        _ => throw new GraphQlRequestException($"Unsupported value {value.Kind}."),
    };

    public static JsonObject Arguments(GraphQLField field, JsonObject variables) =>
        new((field.Arguments ?? (IEnumerable<GraphQLArgument>)[]).Select(a => KeyValuePair.Create(a.Name.StringValue, ToJson(a.Value, variables))));

    /// <summary>Declared non-null variables must be supplied; defaults fill the rest.</summary>
    public static JsonObject BindVariables(GraphQLOperationDefinition operation, JsonObject supplied)
    {
        var bound = new JsonObject();
        foreach (var definition in operation.Variables ?? (IEnumerable<GraphQLVariableDefinition>)[])
        {
            var name = definition.Variable.Name.StringValue;
            if (supplied.TryGetPropertyValue(name, out var value))
            {
                bound[name] = value?.DeepClone();
            }
            else if (definition.DefaultValue is { } fallback)
            {
                bound[name] = ToJson(fallback, []);
            }
            else if (definition.Type is GraphQLNonNullType)
            {
                throw new GraphQlRequestException($"Variable \"${name}\" of required type was not provided.");
            }
        }
        return bound;
    }
}
