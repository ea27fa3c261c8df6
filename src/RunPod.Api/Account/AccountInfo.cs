namespace RunPod.Api.Account;

/// <summary>What GraphQL <c>myself</c> says about the account (REST v2 has no balance or spend).</summary>
public sealed class AccountInfo : ApiObject
{
    public string Id { get; init; } = "";
    public string? Email { get; init; }
    public double? ClientBalance { get; init; }
    public double? CurrentSpendPerHr { get; init; }
    public double? SpendLimit { get; init; }
    public string? PubKey { get; init; }
}
