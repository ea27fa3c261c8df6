using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Capacity;

internal static class CapacityCommand
{
    public static Command Create(Invocation inv) =>
        new Command("capacity", "What you can rent right now, where, and for how much").With(
            CapacityListCommand.Create(inv),
            CapacityCheckCommand.Create(inv),
            CapacityRegionsCommand.Create(inv),
            CapacityCompareCommand.Create(inv),
            CapacityCpusCommand.Create(inv));
}
