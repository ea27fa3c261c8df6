using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RunPod.Emulator.Http;

/// <summary>
/// Each distinct key is its own account, created on first use. The key itself is never
/// stored: accounts are keyed by a hash, and the request log shows only the last 4 chars.
/// </summary>
internal static class ApiKeys
{
    private const string AccountItem = "emulator.account";

    /// <summary>Real keys look like `rpa_...`; anything else is treated as revoked/never valid.</summary>
    public static bool IsValid(string key) => key.StartsWith("rpa_", StringComparison.Ordinal) && key.Length >= 8;

    public static string AccountOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    public static string Fingerprint(string key) => "…" + key[^Math.Min(4, key.Length)..];

    /// <summary>The bearer token, or null when the header is absent or not a bearer credential.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }

    /// <summary>The runtime API's key: `Bearer KEY` or the raw `KEY` (worker callbacks and some doc examples send it raw).</summary>
    public static string? RuntimeKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString().Trim();
        return BearerToken(request) ?? (header.Length > 0 && !header.Contains(' ', StringComparison.Ordinal) ? header : null);
    }

    public static void SetAccount(HttpContext context, string account) => context.Items[AccountItem] = account;

    public static string? TryAccount(HttpContext context) => context.Items[AccountItem] as string;

    /// <summary>The caller's account; only valid behind the REST auth middleware.</summary>
    public static string Account(HttpContext context) =>
        TryAccount(context) ?? throw new InvalidOperationException("route is not behind authentication");
}
