using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using RunPod.Api.Json;

namespace RunPod.Api.Account;

/// <summary>The account: SSH keys (REST v2 <c>/v2/account/ssh-keys</c>) and balance/spend (GraphQL <c>myself</c>).</summary>
public sealed class AccountClient(ApiTransport transport, GraphQlClient graphQl)
{
    private const string SshKeysPath = "/v2/account/ssh-keys";

    public async Task<List<string>> GetSshKeysAsync(CancellationToken ct) =>
        ReadKeys(await transport.SendAsync(ApiRequest.Get(ApiSurface.Rest, SshKeysPath), ct).ConfigureAwait(false));

    /// <summary>PUT: the given list becomes the whole set (RunPod replaces, it does not merge).</summary>
    public static ApiRequest BuildReplaceSshKeys(IEnumerable<string> keys) =>
        new(ApiSurface.Rest, HttpMethod.Put, SshKeysPath, new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode?)k)]) });

    public async Task<List<string>> ReplaceSshKeysAsync(ApiRequest request, CancellationToken ct) =>
        ReadKeys(await transport.SendAsync(request, ct).ConfigureAwait(false));

    public static ApiRequest BuildMyself() =>
        GraphQlClient.BuildRequest("query Myself { myself { id email clientBalance currentSpendPerHr spendLimit pubKey } }", null);

    public async Task<AccountInfo> GetMyselfAsync(CancellationToken ct)
    {
        var data = await graphQl.ExecuteAsync(BuildMyself(), "myself", ct).ConfigureAwait(false);
        return ApiJson.Read(data, ApiJsonContext.Default.AccountInfo);
    }

    private static List<string> ReadKeys(JsonDocument? doc)
    {
        var root = doc?.RootElement ?? throw new JsonException("expected an SshKeys body, got none");
        if (!root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            throw new JsonException("expected an object with a \"keys\" array");
        return [.. keys.EnumerateArray().Select(k => k.GetString() ?? "")];
    }
}
