namespace Rpctl.Cli;

/// <summary>Asks before destructive work; without a terminal and without --yes it refuses (exit 2).</summary>
internal static class Confirmation
{
    public static void Require(Invocation invocation, string question, bool yes)
    {
        if (yes)
            return;
        var ctx = invocation.Context;
        if (!ctx.StdinIsTerminal)
            throw CliException.Usage($"confirmation needed, and there is no terminal to ask on (\"{question}\"); pass --yes to proceed without a prompt");
        ctx.Err.Write($"{question} [y/N] ");
        ctx.Err.Flush();
        var answer = ctx.In.ReadLine()?.Trim().ToLowerInvariant();
        if (answer is not ("y" or "yes"))
            throw new CliException(ExitCodes.Failure, "aborted; nothing was changed");
    }
}
