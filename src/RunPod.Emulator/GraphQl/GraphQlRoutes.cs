using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.GraphQl;

/// <summary>
/// POST /graphql, parsed with GraphQL-Parser. Business errors are HTTP 200 with
/// `errors[{message,path,extensions:{code:"RUNPOD"}}]` and `data.{op}: null`; malformed
/// queries/variables are 400; a bad key is 401; no key is anonymous (myself → null).
/// </summary>
internal sealed class GraphQlRoutes(GraphQlResolvers resolvers)
{
    public void Register(RouteTable routes) => routes.Path("/graphql").Post(Execute);

    private async Task Execute(HttpContext context)
    {
        var key = ApiKeys.BearerToken(context.Request) ?? context.Request.Query["api_key"].ToString();
        if (!string.IsNullOrEmpty(key) && !ApiKeys.IsValid(key))
        {
            await Write(context, 401, ErrorBody("Unauthorized", null, "UNAUTHENTICATED"));
            return;
        }
        var account = string.IsNullOrEmpty(key) ? null : ApiKeys.AccountOf(key);

        GraphQLOperationDefinition operation;
        JsonObject variables;
        try
        {
            (operation, variables) = await ParseRequest(context);
        }
        catch (GraphQlRequestException e)
        {
            await Write(context, 400, ErrorBody(e.Message, null, "GRAPHQL_VALIDATION_FAILED"));
            return;
        }

        var data = new JsonObject();
        var errors = new JsonArray();
        foreach (var field in operation.SelectionSet.Selections.OfType<GraphQLField>())
        {
            var responseName = (field.Alias?.Name ?? field.Name).StringValue;
            var name = field.Name.StringValue;
            try
            {
                if (account is null && !GraphQlResolvers.Anonymous.Contains(name))
                {
                    throw new ApiException(401, GraphQlResolvers.NotAuthenticated);
                }
                var args = GraphQlValues.Arguments(field, variables);
                data[responseName] = Projection.Select(resolvers.Resolve(name, args, account), field.SelectionSet);
            }
            catch (GraphQlRequestException e)
            {
                await Write(context, 400, ErrorBody(e.Message, responseName, "GRAPHQL_VALIDATION_FAILED"));
                return;
            }
            catch (ApiException e)
            {
                data[responseName] = null;
                errors.Add((JsonNode)Error(e.Detail, responseName, "RUNPOD"));
            }
        }
        var body = new JsonObject();
        if (errors.Count > 0)
        {
            body["errors"] = errors;
        }
        body["data"] = data;
        await Write(context, 200, body);
    }

    private static async Task<(GraphQLOperationDefinition, JsonObject)> ParseRequest(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        JsonObject request;
        try
        {
            request = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted)) as JsonObject
                ?? throw new GraphQlRequestException("POST body must be a JSON object with a \"query\".");
        }
        catch (JsonException e)
        {
            throw new GraphQlRequestException($"POST body is not valid JSON: {e.Message}");
        }
        var query = request.Str("query") ?? throw new GraphQlRequestException("Must provide query string.");
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new GraphQlRequestException($"Syntax Error: {e.Description}");
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var wanted = request.Str("operationName");
        var operation = (wanted is null ? operations.FirstOrDefault() : operations.FirstOrDefault(o => o.Name?.StringValue == wanted))
            ?? throw new GraphQlRequestException(wanted is null ? "Must provide an operation." : $"Unknown operation named \"{wanted}\".");
        var supplied = request["variables"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => throw new GraphQlRequestException("Variables must be an object."),
        };
        foreach (var field in operation.SelectionSet.Selections.OfType<GraphQLField>())
        {
            if (!GraphQlResolvers.IsKnown(field.Name.StringValue))
            {
                var type = operation.Operation == OperationType.Mutation ? "Mutation" : "Query";
                throw new GraphQlRequestException($"Cannot query field \"{field.Name.StringValue}\" on type \"{type}\".");
            }
        }
        return (operation, GraphQlValues.BindVariables(operation, supplied));
    }

    private static JsonObject ErrorBody(string message, string? path, string code) => new()
    {
        ["errors"] = new JsonArray(Error(message, path, code)),
        ["data"] = path is null ? null : new JsonObject { [path] = null },
    };

    private static JsonObject Error(string message, string? path, string code)
    {
        var error = new JsonObject { ["message"] = message };
        if (path is not null)
        {
            error["path"] = new JsonArray(path);
        }
        error["extensions"] = new JsonObject { ["code"] = code };
        return error;
    }

    private static Task Write(HttpContext context, int status, JsonObject body) => JsonResponse.Write(context, status, body);
}
