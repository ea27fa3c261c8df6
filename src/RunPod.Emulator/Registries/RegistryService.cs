using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;
using RunPod.Emulator.Templates;

namespace RunPod.Emulator.Registries;

/// <summary>
/// Container registry credentials. Username and password are write-only: responses carry only
/// `{id, name}`, and the password is kept as a hash (the emulator never needs it back, and its
/// state file must not hold secrets).
/// </summary>
internal sealed class RegistryService(IReadOnlyList<IRegistryUsage> usages, TemplateService templates)
{
    private readonly JsonDocuments _docs = new("registry");

    public static readonly ObjectRule CreateSchema = new(new Dictionary<string, JsonRule>
    {
        ["name"] = new StringRule(MinLength: 1),
        ["password"] = new StringRule(MinLength: 1),
        ["username"] = new StringRule(MinLength: 1),
    }, ["name", "username", "password"]);

    public JsonObject Create(StateTransaction tx, string account, string name, string username, string password)
    {
        var registry = new JsonObject
        {
            ["id"] = _docs.NewId(tx, IdGenerator.CuidLike),
            ["name"] = name,
        };
        SetCredentials(registry, username, password);
        _docs.Save(tx, account, registry);
        return JsonDocuments.Public(registry);
    }

    public List<JsonObject> List(StateTransaction tx, string account) => [.. _docs.List(tx, account).Select(JsonDocuments.Public)];

    public JsonObject Get(StateTransaction tx, string account, string id) => JsonDocuments.Public(Find(tx, account, id));

    /// <summary>GraphQL updateRegistryAuth: new username and password, same id and name.</summary>
    public JsonObject UpdateCredentials(StateTransaction tx, string account, string id, string username, string password)
    {
        var registry = Find(tx, account, id);
        SetCredentials(registry, username, password);
        _docs.Save(tx, account, registry);
        return JsonDocuments.Public(registry);
    }

    public void Delete(StateTransaction tx, string account, string id)
    {
        Find(tx, account, id);
        var users = usages.SelectMany(u => u.UsersOf(tx, account, id)).ToList();
        if (users.Count > 0)
        {
            throw ApiException.BadRequest($"registry credential is in use by {string.Join(", ", users)}");
        }
        templates.ForgetRegistry(tx, account, id);
        _docs.Delete(tx, account, id);
    }

    private JsonObject Find(StateTransaction tx, string account, string id) => _docs.Find(tx, account, id) ?? throw ApiException.NotFound();

    private static void SetCredentials(JsonObject registry, string username, string password)
    {
        registry["_username"] = username;
        registry["_passwordSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
    }
}
