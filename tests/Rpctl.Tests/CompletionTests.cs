using System.Diagnostics;
using TestSupport;
using Xunit;

namespace Rpctl.Tests;

/// <summary>
/// Completion: the scripts for each shell, the [suggest:N] directive they call (commands, options,
/// enum values, GPU names, profiles, presets, pod ids), and the bash script run by a real bash.
/// </summary>
public sealed class CompletionTests(EmulatorFixture emulator) : PodTestBase(emulator)
{
    private async Task<List<string>> SuggestAsync(string line)
    {
        var result = await Cli.RunAsync($"[suggest:{line.Length}]", line);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _rpctl_complete rpctl")]
    [InlineData("zsh", "compdef _rpctl rpctl")]
    [InlineData("fish", "complete -c rpctl -f -a '(__rpctl_complete)'")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName rpctl")]
    public async Task Each_shell_gets_a_script_that_relays_to_the_suggest_directive(string shell, string registration)
    {
        var result = await Cli.RunAsync("completion", shell);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(registration, result.Stdout);
        Assert.Contains("[suggest:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Unknown_shell_is_a_usage_error()
    {
        var result = await Cli.RunAsync("completion", "tcsh");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid value 'tcsh' for SHELL: expected one of bash, zsh, fish, powershell", result.Stderr);
        Assert.Equal(2, (await Cli.RunAsync("completion")).ExitCode);
    }

    [Fact]
    public async Task Suggests_commands_options_and_enum_values()
    {
        Assert.Superset(new HashSet<string> { "pod", "config", "preset", "completion", "auth" }, (await SuggestAsync("")).ToHashSet());
        Assert.Superset(new HashSet<string> { "create", "list", "get" }, (await SuggestAsync("pod ")).ToHashSet());
        Assert.Superset(new HashSet<string> { "--gpu", "--image", "--preset", "--save-preset" }, (await SuggestAsync("pod create --")).ToHashSet());
        Assert.Equal(["all", "community", "secure"], (await SuggestAsync("pod create --cloud-type ")).Order());
        Assert.Equal(["csv", "json", "table", "yaml"], (await SuggestAsync("pod list -o ")).Order());
        Assert.Equal(["api_url", "cloud_type", "deadline", "gpu", "output", "region", "request_timeout", "retries", "retry_budget"], (await SuggestAsync("config set ")).Order());
        Assert.Equal(["bash", "fish", "powershell", "zsh"], (await SuggestAsync("completion ")).Order());
        // Options only once a '-' is typed, and never the DOS-style help aliases.
        Assert.DoesNotContain(await SuggestAsync("pod "), s => s.StartsWith('-'));
        Assert.DoesNotContain(await SuggestAsync("pod -"), s => s.StartsWith('/') || s == "-?");
    }

    [Fact]
    public async Task Suggests_values_for_global_options_config_values_help_topics_and_statuses()
    {
        Assert.Equal(["csv", "json", "table", "yaml"], (await SuggestAsync("-o ")).Order());
        Assert.Equal(["csv", "json", "table", "yaml"], (await SuggestAsync("--output ")).Order());
        Assert.Equal(["all", "community", "secure"], (await SuggestAsync("config set cloud_type ")).Order());
        Assert.Equal(["csv", "json", "table", "yaml"], (await SuggestAsync("config set output ")).Order());
        Assert.Equal(["environment", "exit-codes", "output"], (await SuggestAsync("help ")).Order());
        var statuses = await SuggestAsync("pod list --status ");
        Assert.Contains("running", statuses);
        Assert.Contains("exited", statuses);
        Assert.Contains("exited", await SuggestAsync("pod stop --status "));
    }

    [Fact]
    public async Task Suggests_data_centers_from_the_catalog_and_pod_ids_for_ssh()
    {
        Assert.Contains("US-TX-3", await SuggestAsync("pod create --region "));
        Assert.Contains("EU-RO-1", await SuggestAsync("capacity list --region "));
        var id = await CreatePodAsync();
        Assert.Contains(id, await SuggestAsync("ssh connect "));
        Assert.Contains(id, await SuggestAsync("ssh info "));
    }

    [Fact]
    public async Task Suggests_gpu_names_from_the_catalog()
    {
        var gpus = await SuggestAsync("pod create --gpu ");
        Assert.Contains("RTX 4090", gpus);
        Assert.Contains("NVIDIA GeForce RTX 4090", gpus);
        Assert.Contains("RTX 4090", await SuggestAsync("pod create --gpu 4090"));
    }

    [Fact]
    public async Task Suggests_profile_and_preset_names()
    {
        Cli.Stdin = ApiKey + "\n";
        Assert.Equal(0, (await Cli.RunAsync("config", "init", "--api-key-stdin", "--profile", "work")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("config", "profile", "add", "home")).ExitCode);
        Assert.Equal(["home", "work"], (await SuggestAsync("--profile ")).Order());
        Assert.Equal(["home", "work"], (await SuggestAsync("config profile use ")).Order());

        Assert.Equal(0, (await Cli.RunAsync("preset", "save", "trainer", "--gpu", "4090")).ExitCode);
        Assert.Equal(["trainer"], await SuggestAsync("pod create --preset "));
        Assert.Equal(["trainer"], await SuggestAsync("preset apply "));
    }

    [Fact]
    public async Task Suggests_pod_ids_when_the_api_is_reachable_and_nothing_otherwise()
    {
        var id = await CreatePodAsync();
        Assert.Contains(id, await SuggestAsync("pod get "));
        Assert.Contains(id, await SuggestAsync("preset save x --from-pod "));

        Cli.Environment.Remove("RUNPOD_API_KEY");
        Assert.Empty(await SuggestAsync("pod get "));
        Cli.Environment["RUNPOD_API_KEY"] = ApiKey;
        Cli.Environment["RUNPOD_API_URL"] = "http://127.0.0.1:9";
        var stopwatch = Stopwatch.StartNew();
        var result = await Cli.RunAsync("[suggest:8]", "pod get ");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout.Trim());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"completion took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("rpctl pod cr", "[suggest:6]|pod cr", "create")]
    [InlineData("rpctl pod create --gpu RT", "[suggest:19]|pod create --gpu RT", "RTX\\ 4090")]
    [InlineData("rpctl ", "[suggest:0]|", "create|delete|RTX\\ 4090|--gpu")]
    public async Task Bash_script_sends_the_line_without_the_program_and_keeps_matching_words(string line, string expectedArgs, string expectedReply)
    {
        if (!File.Exists("/bin/bash"))
            Assert.Skip("bash is not installed");
        var script = (await Cli.RunAsync("completion", "bash")).Stdout;
        var scriptPath = Path.Combine(Cli.Home, "rpctl.bash");
        File.WriteAllText(scriptPath, script);
        var argsPath = Path.Combine(Cli.Home, "args");
        // A stand-in rpctl records what the script passes and answers like the real one.
        var driver = $$"""
            rpctl() { printf '%s|' "$@" > '{{argsPath}}'; printf 'create\ndelete\nRTX 4090\n--gpu\n'; }
            source '{{scriptPath}}'
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _rpctl_complete
            (IFS='|'; echo "${COMPREPLY[*]}")
            """;
        var psi = new ProcessStartInfo("/bin/bash", ["-c", driver]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(psi)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, errors);
        Assert.Equal(expectedArgs + "|", File.ReadAllText(argsPath));
        Assert.Equal(expectedReply, output.Trim());
    }
}
