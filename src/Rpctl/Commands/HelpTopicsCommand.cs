using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands;

/// <summary><c>rpctl help TOPIC</c>: reference pages that are not about one command.</summary>
internal static class HelpTopicsCommand
{
    public static Command Create(Invocation inv)
    {
        var topic = new Argument<string>("TOPIC") { Description = "exit-codes, environment or output", CompletionSources = { "exit-codes", "environment", "output" }, Arity = ArgumentArity.ZeroOrOne };
        return new Command("help", CommandExtensions.Describe("Show a help topic: exit-codes, environment, output",
                "rpctl help exit-codes", "rpctl help environment"))
            .With(topic)
            .Runs(inv, (parse, _) =>
            {
                var text = parse.GetValue(topic)?.ToLowerInvariant() switch
                {
                    null => Topics,
                    "exit-codes" => string.Join("\n", ExitCodes.Table.Select(e => $"{e.Code,4}  {e.Meaning}")),
                    "environment" => Environment,
                    "output" => Output,
                    var other => throw CliException.BadValue("TOPIC", other ?? "", "expected exit-codes, environment or output"),
                };
                inv.Context.Out.WriteLine(text);
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private const string Topics = """
        Help topics (rpctl help TOPIC):
          exit-codes   what each exit code means
          environment  environment variables, config files and precedence
          output       output formats and what they contain
        For a command: rpctl COMMAND --help
        """;

    private const string Environment = """
        Precedence, highest first: flag, environment variable, the selected profile, built-in default.
        The profile is chosen by --profile, else RPCTL_PROFILE, else active_profile in config.yaml, else 'default'.

        RUNPOD_API_KEY     API key (sent as a bearer token; never printed). Beats the profile's stored key,
                           which beats ~/.runpod/config.toml (apikey = "..." or [default] api_key = "...")
        RUNPOD_API_URL     Origin of the RunPod APIs, e.g. http://127.0.0.1:8787 for 'rpctl emulator serve' (profile key api_url)
        RPCTL_PROFILE      Profile to use when --profile is not given
        RPCTL_OUTPUT       Default output format: table, json, yaml or csv (profile key output)
        RPCTL_CLOUD_TYPE   Default cloud for pod create: secure, community or all (profile key cloud_type)
        RPCTL_REGION       Default data center(s) for pod create, comma-separated (profile key region)
        RPCTL_GPU          Default GPU type(s) for pod create, comma-separated, tried in order (profile key gpu)
        RPCTL_LOCAL_STATE  State file of the --local emulator (default $XDG_DATA_HOME/rpctl/emulator.db)
        XDG_CONFIG_HOME    Config directory root: $XDG_CONFIG_HOME/rpctl (default ~/.config/rpctl) holds
                           config.yaml, credentials.yaml (mode 0600) and presets/ (mode 0600)
        NO_COLOR           Never use colour
        """;

    private const string Output = """
        -o table  aligned columns for people (default)
        -o json   the RunPod REST v2 objects; a list is a JSON array; errors are a JSON object on stderr
        -o yaml   the same tree as JSON, in YAML
        -o csv    the same tree flattened: nested fields become dotted columns
        Data goes to stdout; progress, notes and errors go to stderr.
        """;
}
