using Rpctl.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C cancels the in-flight request; the exit code becomes 130.
    e.Cancel = true;
    cancel.Cancel();
};

return await CliApp.RunAsync(args, CliContext.FromProcess(), cancel.Token);
