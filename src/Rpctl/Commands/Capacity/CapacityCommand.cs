using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Capacity;

internal static class CapacityCommand
{
    public static Command Create(Invocation inv) =>
        new Command("capacity", CommandExtensions.Describe("What you can rent right now, where, and for how much",
                "rpctl capacity list --available-only", "rpctl capacity check --gpu 4090")).With(
            CapacityListCommand.Create(inv),
            CapacityCheckCommand.Create(inv),
            CapacityRegionsCommand.Create(inv),
            CapacityCompareCommand.Create(inv),
            CapacityCpusCommand.Create(inv));
}
