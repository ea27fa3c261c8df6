using System.CommandLine;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Config;

namespace Rpctl.Commands.Config;

/// <summary><c>rpctl config</c>: profiles, stored defaults and the API key.</summary>
internal static class ConfigCommand
{
    public static Command Create(Invocation inv) =>
        new Command("config", CommandExtensions.Describe(
                "Configuration: profiles, stored defaults and API keys (no file is needed when RUNPOD_API_KEY is set)",
                "rpctl config init", "rpctl config show", "rpctl config set cloud_type community"))
            .With(
                ConfigInitCommand.Create(inv),
                ConfigShowCommand.Create(inv),
                ConfigValueCommands.Get(inv),
                ConfigValueCommands.Set(inv),
                ConfigValueCommands.Unset(inv),
                ConfigProfileCommands.Create(inv),
                Path(inv),
                ConfigSetKeyCommand.Create(inv));

    private static Command Path(Invocation inv) =>
        new Command("path", CommandExtensions.Describe("Print where the config file is (with -o json: every file rpctl keeps)",
                "rpctl config path", "rpctl config path -o json"))
            .Runs(inv, (_, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                var store = new ConfigStore(inv.Context);
                if (inv.Output.IsTable)
                {
                    inv.Context.Out.WriteLine(store.ConfigPath);
                }
                else
                {
                    inv.Output.WriteTree(new JsonObject
                    {
                        ["config"] = store.ConfigPath,
                        ["credentials"] = store.CredentialsPath,
                        ["presets"] = store.PresetsDirectory,
                        ["runpodToml"] = store.RunPodTomlPath,
                        ["deletedPods"] = new Services.DeletedPodsRecord(inv.Context).FilePath,
                    });
                }

                return Task.FromResult(ExitCodes.Success);
            });
}
