using System.Text.Json.Nodes;
using GraphQLParser.AST;

namespace RunPod.Emulator.GraphQl;

/// <summary>Cuts a resolved object down to the selection set (aliases honoured, unknown fields null).</summary>
internal static class Projection
{
    public static JsonNode? Select(JsonNode? value, GraphQLSelectionSet? selection)
    {
        if (value is null || selection is null)
        {
            return value?.DeepClone();
        }
        if (value is JsonArray array)
        {
            return new JsonArray([.. array.Select(item => Select(item, selection))]);
        }
        if (value is not JsonObject obj)
        {
            return value.DeepClone();
        }
        var result = new JsonObject();
        foreach (var field in selection.Selections.OfType<GraphQLField>())
        {
            var name = field.Name.StringValue;
            result[(field.Alias?.Name ?? field.Name).StringValue] = Select(obj[name], field.SelectionSet);
        }
        return result;
    }
}
