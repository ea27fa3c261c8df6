using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rpctl.Services;

/// <summary>
/// One authorized_keys-style line (<c>type base64 [comment]</c>). Two lines are the same key when
/// type and key data match, whatever their comments; the fingerprint is OpenSSH's SHA256 form.
/// </summary>
internal sealed partial record SshPublicKey(string Type, string Data, string Comment, string Line)
{
    /// <summary>RunPod's accepted format (UpdateSshKeysRequest pattern).</summary>
    public const string FormatDescription = "an OpenSSH public key line such as 'ssh-ed25519 AAAA... me@host' (type ssh-*, ecdsa-* or sk-*)";

    public static SshPublicKey? TryParse(string line)
    {
        line = line.Trim();
        if (!Format().IsMatch(line))
            return null;
        var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        return new SshPublicKey(parts[0], parts[1], parts.Length > 2 ? parts[2].Trim() : "", line);
    }

    /// <summary><c>SHA256:...</c> as <c>ssh-keygen -lf</c> prints it.</summary>
    public string Fingerprint
    {
        get
        {
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(Data);
            }
            catch (FormatException)
            {
                blob = System.Text.Encoding.UTF8.GetBytes(Data); // not base64: still a stable, distinct fingerprint
            }

            return "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        }
    }

    public bool SameKey(SshPublicKey other) => Type == other.Type && Data == other.Data;

    public JsonObject ToJson() => new() { ["fingerprint"] = Fingerprint, ["type"] = Type, ["comment"] = Comment, ["key"] = Line };

    [GeneratedRegex(@"^(ssh|ecdsa|sk)-[^\s]+ [^\s]+([ \t][^\n\r]*)?\z")]
    private static partial Regex Format();
}
