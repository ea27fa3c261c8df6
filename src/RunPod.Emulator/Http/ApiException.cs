namespace RunPod.Emulator.Http;

/// <summary>
/// A failure with an HTTP status, raised by services shared between REST and GraphQL.
/// REST turns it into problem+json, GraphQL into an `errors[]` entry.
/// </summary>
internal sealed class ApiException(int status, string detail, IReadOnlyList<string>? errors = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
    public IReadOnlyList<string>? Errors { get; } = errors;

    /// <summary>RunPod's wording for a placement failure (the v2 API reuses the GraphQL text).</summary>
    public const string NoCapacityDetail = "There are no longer any instances available with the requested specifications. Please refresh and try again.";

    public static ApiException NotFound() => new(404, "resource not found");
    public static ApiException BadRequest(string detail) => new(400, detail);
    public static ApiException Conflict(string detail) => new(409, detail);
    public static ApiException NoCapacity() => new(400, NoCapacityDetail);
    public static ApiException Validation(IReadOnlyList<string> errors) => new(422, "Request validation failed.", errors);
}
