using System.Text.Json.Nodes;
using RunPod.Api.Http;
using Rpctl.Cli;

namespace Rpctl.Services;

/// <summary>
/// Prints the exact request(s) a command would send: surface, method, URL and JSON body. The
/// first is what is sent; the rest are fallbacks tried in order when the one before has no capacity,
/// or, with <c>sequence</c>, the steps that follow it.
/// </summary>
internal static class DryRun
{
    public static void Print(Invocation inv, IReadOnlyList<(string Label, ApiRequest Request)> requests, bool sequence = false)
    {
        var target = inv.DescribeTarget();
        var items = requests.Select(r => (JsonNode)new JsonObject
        {
            ["surface"] = r.Request.Surface switch { RunPod.Api.ApiSurface.GraphQl => "graphql", RunPod.Api.ApiSurface.Runtime => "runtime", _ => "rest" },
            ["method"] = r.Request.Method.Method,
            ["url"] = Url(target, r.Request),
            ["body"] = Masked(r.Request.Body),
        }).ToList();

        if (inv.Output.IsTable)
        {
            var first = true;
            foreach (var (item, (label, _)) in items.Zip(requests))
            {
                if (!first)
                    inv.Context.Out.WriteLine();
                inv.Context.Out.WriteLine(first ? $"# would send ({label}):" : sequence ? $"# then ({label}):" : $"# if that has no capacity ({label}):");
                inv.Context.Out.WriteLine($"{item["method"]} {item["url"]}");
                if (item["body"] is { } body)
                    inv.Output.WriteTree(body);
                first = false;
            }

            return;
        }

        inv.Output.WriteTree(items.Count == 1 ? items[0] : new JsonArray(items.ToArray()));
    }

    /// <summary>The body with secret-looking env values masked: REST's <c>env</c> map and GraphQL's <c>[{key, value}]</c> list.</summary>
    private static JsonNode? Masked(JsonNode? body)
    {
        var copy = body?.DeepClone();
        SecretMasker.MaskEnv(copy);
        if (copy?["variables"]?["input"]?["env"] is JsonArray pairs)
        {
            foreach (var pair in pairs.OfType<JsonObject>())
            {
                if (pair["key"]?.GetValue<string>() is { } key && pair["value"]?.GetValue<string>() is { } value && SecretMasker.LooksSecret(key, value))
                    pair["value"] = SecretMasker.Mask;
            }
        }

        return copy;
    }

    private static string Url(RunPod.Api.RunPodClientOptions target, ApiRequest request) => request.Surface switch
    {
        RunPod.Api.ApiSurface.GraphQl => target.GraphQlUrl.ToString(),
        RunPod.Api.ApiSurface.Runtime => new Uri(target.RuntimeOrigin, request.Path).ToString(),
        _ => new Uri(target.RestOrigin, request.Path).ToString(),
    };
}
