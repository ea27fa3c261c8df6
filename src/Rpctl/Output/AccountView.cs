using System.Globalization;

namespace Rpctl.Output;

/// <summary>How `user info` and SSH keys are shown.</summary>
internal static class AccountView
{
    public static readonly TableSpec Info = new(
        [],
        [
            new Column("ID", u => JsonPath.Text(u, "id")),
            new Column("Email", u => JsonPath.Text(u, "email")),
            new Column("Balance", u => Money(u, "clientBalance")),
            new Column("Spend per hour", u => Money(u, "currentSpendPerHr") + "/hr"),
            new Column("Spend limit", u => Money(u, "spendLimit")),
            new Column("SSH keys", u => JsonPath.Text(u, "sshKeyCount")),
        ]);

    public static readonly TableSpec SshKeys = new(
        [
            new Column("FINGERPRINT", k => JsonPath.Text(k, "fingerprint")),
            new Column("TYPE", k => JsonPath.Text(k, "type")),
            new Column("COMMENT", k => JsonPath.Text(k, "comment")),
        ],
        [
            new Column("Fingerprint", k => JsonPath.Text(k, "fingerprint")),
            new Column("Type", k => JsonPath.Text(k, "type")),
            new Column("Comment", k => JsonPath.Text(k, "comment")),
        ]);

    private static string Money(System.Text.Json.Nodes.JsonNode u, string field) =>
        JsonPath.At(u, field) is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<double>(out var d) ? "$" + d.ToString("0.00##", CultureInfo.InvariantCulture) : "";
}
