using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api;
using Rpctl.Output;

namespace Rpctl.Cli;

/// <summary>
/// The one place where a failure becomes an exit code and one line on stderr (a JSON object with
/// <c>-o json</c>). Stack traces only with --debug.
/// </summary>
internal static class ErrorReporter
{
    // Messages quote ids ('abc'); a human reads stderr too, so only what JSON requires is escaped.
    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    public static int Report(Exception ex, TextWriter stderr, OutputFormat format, bool debug)
    {
        var (code, message, status, id) = Classify(ex);
        if (format == OutputFormat.Json)
        {
            var obj = new JsonObject { ["error"] = message, ["code"] = code, ["status"] = status, ["id"] = id };
            stderr.WriteLine(obj.ToJsonString(Relaxed));
        }
        else
        {
            stderr.WriteLine("error: " + message);
        }

        if (debug)
            stderr.WriteLine(ex.ToString());
        return code;
    }

    internal static (int Code, string Message, int? Status, string? Id) Classify(Exception ex) => ex switch
    {
        CliException c => (c.ExitCode, c.Message, null, c.ResourceId),
        RunPodApiException api => (CodeFor(api), Describe(api), api.Status, null),
        GraphQlException gql => (gql.IsNoCapacity ? ExitCodes.Conflict : ExitCodes.Failure, "RunPod GraphQL: " + gql.Message, null, null),
        RunPodTransportException t => (ExitCodes.Failure, t.Message, null, null),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted", null, null),
        JsonException j => (ExitCodes.Failure, "unexpected response from RunPod: " + j.Message, null, null),
        _ => (ExitCodes.Failure, $"unexpected error: {ex.Message} (run with --debug for details)", null, null),
    };

    private static int CodeFor(RunPodApiException api) => api.Status switch
    {
        401 or 403 => ExitCodes.Auth,
        404 => ExitCodes.NotFound,
        409 => ExitCodes.Conflict,
        429 => ExitCodes.RateLimited,
        400 when api.IsNoCapacity => ExitCodes.Conflict,
        400 or 422 => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };

    /// <summary>"/v2/pods/abc" reads as "pod abc", so a 404 says what was missing.</summary>
    private static string? NotFoundSubject(string? path)
    {
        if (path is null)
            return null;
        var parts = path.Split('?')[0].Trim('/').Split('/');
        if (parts.Length < 3 || parts[0] != "v2")
            return null;
        var kind = parts[1] switch
        {
            "pods" => "pod",
            "serverless" => "endpoint",
            "templates" => "template",
            "network-volumes" => "network volume",
            "registries" => "registry credential",
            "catalog" when parts.Length >= 4 => parts[2] switch { "gpus" => "GPU type", "cpus" => "CPU type", _ => "data center" },
            _ => null,
        };
        if (kind is null)
            return null;
        var id = Uri.UnescapeDataString(parts[1] == "catalog" ? parts[3] : parts[2]);
        return $"{kind} '{id}'";
    }

    /// <summary>The serverless runtime (`/v2/{endpointId}/status/{jobId}` ...): its 404 is for the job or for the endpoint.</summary>
    private static string? RuntimeNotFoundSubject(RunPodApiException api)
    {
        if (api.Surface != ApiSurface.Runtime || api.RequestPath is null)
            return null;
        var parts = api.RequestPath.Split('?')[0].Trim('/').Split('/');
        if (parts.Length < 3 || parts[0] != "v2")
            return null;
        var endpoint = Uri.UnescapeDataString(parts[1]);
        var endpointGone = api.Detail.Contains("endpoint", StringComparison.OrdinalIgnoreCase);
        return parts.Length >= 4 && !endpointGone
            ? $"job '{Uri.UnescapeDataString(parts[3])}' on endpoint '{endpoint}'"
            : $"endpoint '{endpoint}'";
    }

    private static string Describe(RunPodApiException api) => api.Status switch
    {
        401 => $"RunPod rejected the API key ({api.Detail}); check RUNPOD_API_KEY",
        403 => $"the API key is not allowed to do this ({api.Detail})",
        429 => $"rate limited by RunPod after retries ({api.Detail}); try again later",
        404 when (NotFoundSubject(api.RequestPath) ?? RuntimeNotFoundSubject(api)) is { } subject => $"{subject} not found",
        _ => api.Message,
    };
}
