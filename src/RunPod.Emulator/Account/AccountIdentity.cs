namespace RunPod.Emulator.Account;

/// <summary>The user an account (API key hash) stands for, as GraphQL `myself` and ECR delegations show it.</summary>
internal static class AccountIdentity
{
    public static string UserId(string account) => "user_" + account[..12];

    public static string Email(string account) => $"{account[..8]}@emulator.invalid";

    /// <summary>Emulator defaults: every account starts with this balance and spend limit.</summary>
    public const double Balance = 100.0;
    public const int SpendLimit = 80;
}
