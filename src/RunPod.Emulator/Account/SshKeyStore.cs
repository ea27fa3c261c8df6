using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Account;

/// <summary>
/// The account's SSH public keys (`/v2/account/ssh-keys`; GraphQL `myself.pubKey` is the same set
/// joined by newlines). PUT replaces the whole set.
/// </summary>
internal sealed partial class SshKeyStore
{
    /// <summary>UpdateSshKeysRequest's pattern, as the contract states it (shown in 422 errors).</summary>
    public const string KeyPattern = @"^(ssh|ecdsa|sk)-[^\s]+ [^\s]+([ \t][^\n\r]*)?$";

    private const string Kind = "sshKeys";

    public static readonly ObjectRule Schema = new(new Dictionary<string, JsonRule>
    {
        ["keys"] = new ArrayRule(new StringRule()),
    }, ["keys"]);

    public List<string> Get(StateTransaction tx, string account) =>
        tx.GetDocument(Kind, account, account) is { } json ? [.. JsonNode.Parse(json)!.AsArray().Select(k => k!.GetValue<string>())] : [];

    /// <summary>Validates every key (422 naming each bad one), then replaces the set.</summary>
    public List<string> Replace(StateTransaction tx, string account, List<string> keys)
    {
        var errors = keys.Select((key, i) => (key, i))
            .Where(k => !IsValidKey(k.key))
            .Select(k => $"$.keys[{k.i}]: does not match pattern '{KeyPattern}'")
            .ToList();
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }
        tx.PutDocument(Kind, account, account, new JsonArray([.. keys.Select(k => (JsonNode?)k)]).ToJsonString());
        return keys;
    }

    /// <summary>ECMAScript `$` is end of input only; .NET's would also accept a trailing newline, hence \z.</summary>
    public static bool IsValidKey(string key) => KeyRegex().IsMatch(key);

    [GeneratedRegex(@"^(ssh|ecdsa|sk)-[^\s]+ [^\s]+([ \t][^\n\r]*)?\z")]
    private static partial Regex KeyRegex();
}
