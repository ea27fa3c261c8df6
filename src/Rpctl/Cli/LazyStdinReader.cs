namespace Rpctl.Cli;

/// <summary>
/// Standard input, opened on first read. Opening stdin on a terminal initialises .NET's console,
/// which switches the terminal to keypad mode (ESC[?1h ESC=) and leaves it there, so commands
/// that never read stdin must not open it.
/// </summary>
internal sealed class LazyStdinReader : TextReader
{
    private TextReader? _inner;

    private TextReader Inner => _inner ??= new StreamReader(Console.OpenStandardInput());

    public override int Peek() => Inner.Peek();
    public override int Read() => Inner.Read();
    public override int Read(char[] buffer, int index, int count) => Inner.Read(buffer, index, count);
    public override string? ReadLine() => Inner.ReadLine();
    public override string ReadToEnd() => Inner.ReadToEnd();
    public override Task<string?> ReadLineAsync() => Inner.ReadLineAsync();
    public override Task<string> ReadToEndAsync() => Inner.ReadToEndAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner?.Dispose();
        base.Dispose(disposing);
    }
}
