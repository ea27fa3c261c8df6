using System.Text;

namespace Rpctl.Cli;

/// <summary>Reads a line from the console with echo off, for passwords typed at a prompt.</summary>
internal static class HiddenConsoleInput
{
    public static string? ReadLine()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return text.ToString();
                case ConsoleKey.Backspace:
                    if (text.Length > 0)
                        text.Length--;
                    break;
                default:
                    if (key.Modifiers.HasFlag(ConsoleModifiers.Control) && key.Key is ConsoleKey.C or ConsoleKey.D)
                        return null;
                    if (!char.IsControl(key.KeyChar))
                        text.Append(key.KeyChar);
                    break;
            }
        }
    }
}
