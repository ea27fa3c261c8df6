namespace Rpctl.Output;

/// <summary>How network volumes are shown as tables.</summary>
internal static class VolumeView
{
    public static readonly TableSpec Spec = new(
        [
            new Column("ID", v => JsonPath.Text(v, "id")),
            new Column("NAME", v => JsonPath.Text(v, "name")),
            new Column("SIZE", v => JsonPath.Text(v, "size") + " GB"),
            new Column("DATA CENTER", v => JsonPath.Text(v, "dataCenter")),
            new Column("TYPE", v => JsonPath.Text(v, "type")),
        ],
        [
            new Column("ID", v => JsonPath.Text(v, "id")),
            new Column("Name", v => JsonPath.Text(v, "name")),
            new Column("Size", v => JsonPath.Text(v, "size") + " GB"),
            new Column("Data center", v => JsonPath.Text(v, "dataCenter")),
            new Column("Type", v => JsonPath.Text(v, "type")),
        ]);
}
