using System.Globalization;

namespace Rpctl.Output;

/// <summary>
/// A small horizontal bar chart of prices for a terminal, so the cheapest option stands out.
/// The cheapest bar is green unless colour is off (NO_COLOR); it is also marked in text.
/// </summary>
internal static class PriceChart
{
    private const int Width = 30;
    private const string Green = "\u001b[32m";
    private const string Reset = "\u001b[0m";

    public static void Write(TextWriter writer, string title, IReadOnlyList<(string Label, double? Price)> rows, bool color)
    {
        var offered = rows.Where(r => r.Price is not null).Select(r => r.Price!.Value).ToList();
        var max = offered.Count == 0 ? 0 : offered.Max();
        var cheapest = offered.Count == 0 ? (double?)null : offered.Min();
        var labelWidth = rows.Max(r => r.Label.Length);

        writer.WriteLine();
        writer.WriteLine(title);
        foreach (var (label, price) in rows)
        {
            writer.Write(label.PadRight(labelWidth + 2));
            if (price is not { } p)
            {
                writer.WriteLine("not offered");
                continue;
            }

            var bar = new string('█', Math.Max(1, (int)Math.Round(Width * p / max)));
            var isCheapest = p == cheapest;
            writer.Write(color && isCheapest ? Green + bar + Reset : bar);
            writer.WriteLine(" $" + p.ToString("0.00##", CultureInfo.InvariantCulture) + (isCheapest ? "  ← cheapest" : ""));
        }
    }
}
