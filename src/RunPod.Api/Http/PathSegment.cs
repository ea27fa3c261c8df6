namespace RunPod.Api.Http;

/// <summary>
/// An id placed in a request path. A blank id would turn `/v2/pods/{id}` into the collection
/// path (a GET would list every pod), so it is refused before any request is built.
/// </summary>
public static class PathSegment
{
    public static string Of(string id, string what = "id")
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new ArgumentException($"{what} must not be empty", nameof(id));
        return Uri.EscapeDataString(id);
    }
}
