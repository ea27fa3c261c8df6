using System.Text.Json.Nodes;

namespace Rpctl.Output;

/// <summary>A column of a table: its header and how to read its cell from a resource's JSON.</summary>
internal sealed record Column(string Header, Func<JsonNode, string> Cell);

/// <summary>
/// How a resource is shown as a table: the columns of a list, and the rows of the detail view of a
/// single item. Declared once per resource and reused by list, get and create.
/// </summary>
internal sealed record TableSpec(IReadOnlyList<Column> ListColumns, IReadOnlyList<Column> DetailRows);
