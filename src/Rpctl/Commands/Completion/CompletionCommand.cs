using System.CommandLine;
using Rpctl.Cli;
using Rpctl.Completion;

namespace Rpctl.Commands.Completion;

/// <summary>
/// <c>rpctl completion SHELL</c> prints a script for the shell to load. The scripts ask rpctl itself
/// for suggestions through System.CommandLine's <c>[suggest:N]</c> directive, so completions always
/// match the installed version. Printing a script reads no config and touches no network.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(Invocation inv)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or powershell" };
        shell.CompletionSources.Add(CompletionScripts.Shells);
        return new Command("completion", CommandExtensions.Describe("Print a shell completion script: bash, zsh, fish or powershell",
                "source <(rpctl completion bash)            # bash, e.g. in ~/.bashrc",
                "rpctl completion zsh > \"${fpath[1]}/_rpctl\"   # zsh",
                "rpctl completion fish > ~/.config/fish/completions/rpctl.fish",
                "rpctl completion powershell | Out-String | Invoke-Expression"))
            .With(shell)
            .Runs(inv, (parse, _) =>
            {
                var name = parse.GetValue(shell)!;
                var script = CompletionScripts.For(name.Trim().ToLowerInvariant())
                             ?? throw CliException.BadValue("SHELL", name, "expected one of " + string.Join(", ", CompletionScripts.Shells));
                inv.Context.Out.Write(script);
                return Task.FromResult(ExitCodes.Success);
            });
    }
}
