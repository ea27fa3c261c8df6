using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Services;

namespace Rpctl.Commands.Endpoint;

/// <summary>Arguments and helpers shared by the endpoint and job commands.</summary>
internal static class EndpointArguments
{
    public static Argument<string> Id() => new("ENDPOINT_ID") { Description = "The endpoint's id (see 'rpctl endpoint list')" };

    public static Argument<string> JobId() => new("JOB_ID") { Description = "The job's id, as printed by 'rpctl endpoint run'" };

    /// <summary>
    /// Create/update with <c>--template</c>: RunPod answers an unknown template with a bare 404 on
    /// the endpoint path, which would otherwise read as "endpoint not found".
    /// </summary>
    public static async Task<RunPod.Api.Serverless.Endpoint> SendNamingTemplateAsync(Func<Task<RunPod.Api.Serverless.Endpoint>> send, string? template)
    {
        try
        {
            return await send();
        }
        catch (RunPodApiException e) when (e.Status == 404 && template is not null)
        {
            throw Cli.CliException.NotFound($"template '{template}' not found (unknown, or not accessible with this API key)");
        }
    }

    /// <summary>An API object's JSON as printed, with secret-looking env values masked unless asked.</summary>
    public static JsonNode Printable(ApiObject value, bool showSecrets = false)
    {
        var node = JsonNode.Parse(value.Raw.GetRawText()) ?? new JsonObject();
        if (!showSecrets)
            SecretMasker.MaskEnv(node);
        return node;
    }
}
