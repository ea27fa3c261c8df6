using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Registries;

/// <summary>ECR delegations (beta): `/v2/registries/delegations`, parsed from the repository ARN.</summary>
internal sealed partial class DelegationService(EmulatorClock clock)
{
    private readonly JsonDocuments _docs = new("ecrDelegation");

    public static readonly ObjectRule CreateSchema = new(new Dictionary<string, JsonRule>
    {
        ["resource"] = new StringRule(),
        ["name"] = new StringRule { Nullable = true },
    }, ["resource"]);

    public JsonObject Create(StateTransaction tx, string account, string resource, string? name)
    {
        var match = EcrArn().Match(resource);
        if (!match.Success)
        {
            throw ApiException.BadRequest($"resource must be an ECR repository ARN (arn:aws:ecr:<region>:<account>:repository/<name>), got '{resource}'");
        }
        var (region, awsAccount) = (match.Groups["region"].Value, match.Groups["account"].Value);
        var delegation = new JsonObject
        {
            ["id"] = _docs.NewId(tx, IdGenerator.CuidLike),
            ["name"] = name,
            ["delegatorUserId"] = Account.AccountIdentity.UserId(account),
            ["awsUser"] = awsAccount,
            ["repository"] = match.Groups["repo"].Value,
            ["tag"] = "latest",
            ["awsRegion"] = region,
            ["dockerRegistryUri"] = $"{awsAccount}.dkr.ecr.{region}.amazonaws.com",
            ["createdAt"] = EmulatorClock.Format(clock.Now(tx)),
        };
        _docs.Save(tx, account, delegation);
        return delegation;
    }

    public List<JsonObject> List(StateTransaction tx, string account) => _docs.List(tx, account);

    public void Revoke(StateTransaction tx, string account, string id)
    {
        if (!_docs.Delete(tx, account, id))
        {
            throw ApiException.NotFound();
        }
    }

    [GeneratedRegex(@"^arn:aws:ecr:(?<region>[a-z0-9-]+):(?<account>\d{12}):repository/(?<repo>[a-z0-9._/-]+)$")]
    private static partial Regex EcrArn();
}
