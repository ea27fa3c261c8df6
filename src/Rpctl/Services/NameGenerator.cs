namespace Rpctl.Services;

/// <summary>Default pod names such as <c>rpctl-rtx-4090-k3x9</c>: readable, and unlikely to collide.</summary>
internal static class NameGenerator
{
    public static string ForGpu(string? gpuName)
    {
        var slug = new string((gpuName ?? "pod").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var suffix = new string(Enumerable.Range(0, 4).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray());
        return $"rpctl-{slug.Trim('-')}-{suffix}";
    }
}
