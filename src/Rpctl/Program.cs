using System.Runtime.InteropServices;
using Rpctl.Cli;

using var cancel = new CancellationTokenSource();

// Ctrl-C (SIGINT) and SIGTERM cancel the in-flight request; the exit code becomes 130.
// PosixSignalRegistration rather than Console.CancelKeyPress: the latter initialises the terminal
// and leaves it in keypad mode (ESC[?1h ESC=) after every command.
void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

return await CliApp.RunAsync(args, CliContext.FromProcess(), cancel.Token);
