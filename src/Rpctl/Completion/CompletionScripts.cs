namespace Rpctl.Completion;

/// <summary>
/// The shell scripts printed by <c>rpctl completion</c>. Each one sends the command line up to the
/// cursor, without the program name, to <c>rpctl "[suggest:N]" "LINE"</c> (N = the line's length)
/// and offers the lines rpctl prints. All logic lives in rpctl; the scripts only relay.
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh", "fish", "powershell"];

    public static string? For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        "powershell" or "pwsh" => PowerShell,
        _ => null,
    };

    private const string Bash = """
        # rpctl completion for bash. Load it with: source <(rpctl completion bash)
        _rpctl_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            case "$line" in
                *[[:space:]]*) line="${line#*[[:space:]]}" ;;
                *) line="" ;;
            esac
            local cur="${COMP_WORDS[COMP_CWORD]}"
            cur="${cur#[\"\']}"
            local IFS=$'\n'
            local -a suggestions
            suggestions=($(rpctl "[suggest:${#line}]" "$line" 2>/dev/null))
            COMPREPLY=()
            local s
            for s in "${suggestions[@]}"; do
                # rpctl matches anywhere in a word; bash expects the typed prefix.
                [[ "$s" == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$s")")
            done
        }
        complete -o default -F _rpctl_complete rpctl

        """;

    private const string Zsh = """
        #compdef rpctl
        # rpctl completion for zsh. Load it with: source <(rpctl completion zsh)
        # or save it as _rpctl in a directory on $fpath.
        _rpctl() {
            local line="${(j: :)words[2,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$(rpctl "[suggest:${#line}]" "$line" 2>/dev/null)}")
            suggestions=(${suggestions:#})
            compadd -- "${suggestions[@]}"
        }
        if [ "$funcstack[1]" = "_rpctl" ]; then
            _rpctl "$@"
        else
            compdef _rpctl rpctl
        fi

        """;

    private const string Fish = """
        # rpctl completion for fish. Save it as ~/.config/fish/completions/rpctl.fish
        function __rpctl_complete
            set -l line (string replace -r '^\S+\s*' '' -- (commandline -cp))
            rpctl "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c rpctl -f -a '(__rpctl_complete)'

        """;

    private const string PowerShell = """
        # rpctl completion for PowerShell. Load it with: rpctl completion powershell | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName rpctl -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $length = [Math]::Min($line.Length, $cursorPosition - $commandAst.Extent.StartOffset)
            $line = $line.Substring(0, [Math]::Max(0, $length))
            if ($cursorPosition -gt $commandAst.Extent.EndOffset) { $line += ' ' }
            $line = $line -replace '^\S+\s*', ''
            rpctl "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                $text = if ($_ -match '\s') { "'" + $_ + "'" } else { $_ }
                [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
            }
        }

        """;
}
