namespace Rpctl.Output;

/// <summary>How registry credentials are shown (only id and name exist: the credentials are write-only).</summary>
internal static class RegistryView
{
    public static readonly TableSpec Spec = new(
        [new Column("ID", r => JsonPath.Text(r, "id")), new Column("NAME", r => JsonPath.Text(r, "name"))],
        [new Column("ID", r => JsonPath.Text(r, "id")), new Column("Name", r => JsonPath.Text(r, "name"))]);
}
