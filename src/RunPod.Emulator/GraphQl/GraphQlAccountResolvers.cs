using System.Text.Json.Nodes;
using RunPod.Emulator.Account;
using RunPod.Emulator.Hosting;
using RunPod.Emulator.Http;

namespace RunPod.Emulator.GraphQl;

/// <summary>
/// GraphQL for what REST v2 lacks around the account: registry credential update (plus the
/// create/delete runpod-python uses), `updateUserSettings(pubKey)`, `saveTemplate` (the readme),
/// and the account parts of `myself` (balance, SSH keys as `pubKey`, volumes, registries).
/// </summary>
internal sealed class GraphQlAccountResolvers(EmulatorServices services)
{
    private static readonly HashSet<string> Fields = ["updateRegistryAuth", "saveRegistryAuth", "deleteRegistryAuth", "updateUserSettings", "saveTemplate"];

    public static bool Handles(string field) => Fields.Contains(field);

    public JsonNode? Resolve(string field, JsonObject args, string account)
    {
        var input = args["input"] as JsonObject ?? [];
        var store = services.Store;
        return field switch
        {
            "updateRegistryAuth" => store.Write(tx => services.Registries.UpdateCredentials(tx, account,
                Required(input, "id"), Required(input, "username"), Required(input, "password"))),
            "saveRegistryAuth" => store.Write(tx => services.Registries.Create(tx, account,
                Required(input, "name"), Required(input, "username"), Required(input, "password"))),
            "deleteRegistryAuth" => DeleteRegistry(account, args.Str("registryAuthId") ?? ""),
            "updateUserSettings" => UpdateUserSettings(account, input),
            "saveTemplate" => SaveTemplate(account, input),
            _ => throw new GraphQlRequestException($"Cannot query field \"{field}\" on type \"Mutation\"."),
        };
    }

    /// <summary>Adds the account fields to a `myself` object.</summary>
    public void AddMyself(State.StateTransaction tx, string account, JsonObject myself)
    {
        myself["id"] = AccountIdentity.UserId(account);
        myself["email"] = AccountIdentity.Email(account);
        myself["clientBalance"] = AccountIdentity.Balance;
        myself["spendLimit"] = AccountIdentity.SpendLimit;
        myself["pubKey"] = string.Join("\n", services.SshKeys.Get(tx, account));
        myself["networkVolumes"] = new JsonArray([.. services.Volumes.List(tx, account).Select(v => (JsonNode?)new JsonObject
        {
            ["id"] = v.Str("id"),
            ["name"] = v.Str("name"),
            ["size"] = v.Int("size"),
            ["dataCenterId"] = v.Str("dataCenter"),
        })]);
        myself["containerRegistryAuths"] = new JsonArray([.. services.Registries.List(tx, account).Select(r => (JsonNode?)r)]);
    }

    private JsonNode? DeleteRegistry(string account, string id)
    {
        services.Store.Write(tx => services.Registries.Delete(tx, account, id));
        return null;
    }

    /// <summary>`pubKey` is the newline-joined key set; each line must be a valid key, as on REST.</summary>
    private JsonNode UpdateUserSettings(string account, JsonObject input) => services.Store.Write(tx =>
    {
        if (input.Str("pubKey") is { } pubKey)
        {
            var keys = pubKey.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (keys.FirstOrDefault(k => !SshKeyStore.IsValidKey(k)) is { } bad)
            {
                throw ApiException.BadRequest($"invalid SSH public key: {bad}");
            }
            services.SshKeys.Replace(tx, account, keys);
        }
        var myself = new JsonObject();
        AddMyself(tx, account, myself);
        return myself;
    });

    /// <summary>
    /// saveTemplate with an id overwrites that template as RunPod does: each field it carries that is
    /// omitted is reset to its default (allowedCudaVersions and category are not among them).
    /// </summary>
    private JsonNode SaveTemplate(string account, JsonObject input) => services.Store.Write(tx =>
    {
        var id = input.Str("id") ?? throw ApiException.BadRequest("saveTemplate without an id is not supported by the emulator; create templates with POST /v2/templates");
        var template = services.Templates.Overwrite(tx, account, id, SaveTemplateFields.ToV2(input, Required), input.Str("readme") ?? "");
        return SaveTemplateFields.ToGraphQl(template, services.Templates.Readme(tx, account, id) ?? "");
    });

    private static string Required(JsonObject input, string name) =>
        input.Str(name) is { Length: > 0 } value ? value : throw ApiException.BadRequest($"{name} is required.");
}
