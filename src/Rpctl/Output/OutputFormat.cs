namespace Rpctl.Output;

internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
    Csv,
}

internal static class OutputFormats
{
    public static bool TryParse(string text, out OutputFormat format)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "table": format = OutputFormat.Table; return true;
            case "json": format = OutputFormat.Json; return true;
            case "yaml": case "yml": format = OutputFormat.Yaml; return true;
            case "csv": format = OutputFormat.Csv; return true;
            default: format = OutputFormat.Table; return false;
        }
    }
}
