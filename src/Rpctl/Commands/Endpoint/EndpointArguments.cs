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

    /// <summary>An API object's JSON as printed, with secret-looking env values masked unless asked.</summary>
    public static JsonNode Printable(ApiObject value, bool showSecrets = false)
    {
        var node = JsonNode.Parse(value.Raw.GetRawText()) ?? new JsonObject();
        if (!showSecrets)
            SecretMasker.MaskEnv(node);
        return node;
    }
}
