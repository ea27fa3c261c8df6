using System.Text.Json.Nodes;
using RunPod.Emulator.Http;
using RunPod.Emulator.Pods;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Templates;

/// <summary>
/// Templates: your own (full access) and public ones (read only: the seeded catalog and other
/// accounts' `public: true` templates). Also the pods area's <see cref="ITemplateSource"/>.
/// </summary>
internal sealed class TemplateService(IReadOnlyList<ITemplateUsage> usages) : ITemplateSource
{
    public const int CatalogCap = 100;

    private readonly JsonDocuments _docs = new("template");

    public JsonObject Create(StateTransaction tx, string account, JsonObject body)
    {
        var template = new JsonObject
        {
            ["id"] = _docs.NewId(tx, () => UniqueAcrossSeed(IdGenerator.ShortId())),
            ["name"] = body.Str("name"),
            ["image"] = body.Str("image"),
            ["args"] = body.Str("args") ?? "",
            ["disk"] = body.Int("disk") ?? 10,
            ["mounts"] = body["mounts"]?.DeepClone() ?? new JsonObject(),
            ["ports"] = body["ports"]?.DeepClone() ?? new JsonArray(),
            ["env"] = body["env"]?.DeepClone() ?? new JsonObject(),
            ["registry"] = body.Str("registry"),
            ["serverless"] = body.Bool("serverless") ?? false,
            ["public"] = body.Bool("public") ?? false,
            ["category"] = body.Str("category") ?? "NVIDIA",
            ["startSsh"] = body.Bool("startSsh") ?? true,
            ["startJupyter"] = body.Bool("startJupyter") ?? true,
            ["allowedCudaVersions"] = body["allowedCudaVersions"]?.DeepClone() ?? new JsonArray(),
        };
        _docs.Save(tx, account, template);
        return template;
    }

    public List<JsonObject> ListOwn(StateTransaction tx, string account) => [.. _docs.List(tx, account).Select(JsonDocuments.Public)];

    /// <summary>The public catalog slice: seeded templates of that source, plus, for community, users' public ones.</summary>
    public List<JsonObject> ListCatalog(StateTransaction tx, string source)
    {
        var seeded = PublicTemplates.Seed.Where(s => s.Source == source).Select(s => s.Template.DeepClone().AsObject());
        var shared = source == PublicTemplates.Community
            ? _docs.ListAll(tx).Where(d => d.Document.Bool("public") == true).Select(d => AsPublic(d.Document))
            : [];
        return [.. seeded.Concat(shared).Take(CatalogCap)];
    }

    /// <summary>Own templates in full; public ones with `registry: null` (the credential is not yours).</summary>
    public JsonObject Get(StateTransaction tx, string account, string id)
    {
        if (_docs.Find(tx, account, id) is { } own)
        {
            return JsonDocuments.Public(own);
        }
        if (PublicTemplates.Find(id) is { } seeded)
        {
            return seeded.DeepClone().AsObject();
        }
        var shared = _docs.ListAll(tx).FirstOrDefault(d => d.Document.Str("id") == id && d.Document.Bool("public") == true);
        return shared.Document is null ? throw ApiException.NotFound() : AsPublic(shared.Document);
    }

    /// <summary>PATCH: present fields replace; `allowedCudaVersions: []` clears; `mounts: {}` keeps.</summary>
    public JsonObject Update(StateTransaction tx, string account, string id, JsonObject body)
    {
        var template = _docs.Find(tx, account, id) ?? throw ApiException.NotFound();
        foreach (var (key, value) in body)
        {
            if (key == "mounts" && value is JsonObject { Count: 0 })
            {
                continue;
            }
            template[key] = value?.DeepClone();
        }
        _docs.Save(tx, account, template);
        return JsonDocuments.Public(template);
    }

    public void Delete(StateTransaction tx, string account, string id)
    {
        if (_docs.Find(tx, account, id) is null)
        {
            throw ApiException.NotFound();
        }
        var users = usages.SelectMany(u => u.UsersOf(tx, account, id)).ToList();
        if (users.Count > 0)
        {
            throw ApiException.BadRequest($"template is in use by {string.Join(", ", users)}");
        }
        _docs.Delete(tx, account, id);
    }

    /// <summary>GraphQL saveTemplate: the readme (not part of v2) is kept privately beside the template.</summary>
    public void SetReadme(StateTransaction tx, string account, string id, string readme)
    {
        var template = _docs.Find(tx, account, id) ?? throw ApiException.NotFound();
        template["_readme"] = readme;
        _docs.Save(tx, account, template);
    }

    /// <summary>
    /// GraphQL saveTemplate with an id: like RunPod, not a sparse update. Every field saveTemplate
    /// carries is replaced by <paramref name="fields"/> (already defaulted), so an omitted one is reset.
    /// </summary>
    public JsonObject Overwrite(StateTransaction tx, string account, string id, JsonObject fields, string readme)
    {
        var template = _docs.Find(tx, account, id) ?? throw ApiException.NotFound();
        foreach (var (key, value) in fields)
        {
            template[key] = value?.DeepClone();
        }
        template["_readme"] = readme;
        _docs.Save(tx, account, template);
        return JsonDocuments.Public(template);
    }

    public string? Readme(StateTransaction tx, string account, string id) => _docs.Find(tx, account, id)?.Str("_readme");

    /// <summary>Deleting a registry credential silently clears it from the account's templates.</summary>
    public void ForgetRegistry(StateTransaction tx, string account, string registryId)
    {
        foreach (var template in _docs.List(tx, account).Where(t => t.Str("registry") == registryId))
        {
            template["registry"] = null;
            _docs.Save(tx, account, template);
        }
    }

    public TemplateSettings? Find(StateTransaction tx, string account, string templateId)
    {
        JsonObject template;
        try
        {
            template = Get(tx, account, templateId);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return null;
        }
        return new TemplateSettings(
            template.Str("image") ?? "",
            template.Str("args") ?? "",
            template.Int("disk") ?? 10,
            template.Strings("ports") ?? [],
            template.StringMap("env") ?? [],
            template.Str("registry"),
            template["mounts"]?["persistent"]?.ToJsonString(),
            template.Bool("startSsh") ?? true,
            template.Bool("startJupyter") ?? true,
            template.Strings("allowedCudaVersions") ?? [],
            template.Bool("serverless") ?? false);
    }

    private static JsonObject AsPublic(JsonObject document)
    {
        var copy = JsonDocuments.Public(document);
        copy["registry"] = null;
        return copy;
    }

    private static string UniqueAcrossSeed(string id) => PublicTemplates.Find(id) is null ? id : IdGenerator.ShortId();
}
