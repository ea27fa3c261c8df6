using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using Rpctl.Cli;
using Rpctl.Config;
using Rpctl.Output;

namespace Rpctl.Commands.Config;

/// <summary><c>config show</c>: every effective setting with the layer it came from; the key is always masked.</summary>
internal static class ConfigShowCommand
{
    private static readonly TableSpec Spec = new(
        [
            new Column("KEY", v => JsonPath.Text(v, "key")),
            new Column("VALUE", v => JsonPath.Text(v, "value")),
            new Column("SOURCE", v => JsonPath.Text(v, "source")),
        ],
        []);

    public static Command Create(Invocation inv) =>
        new Command("show", CommandExtensions.Describe("Show each effective setting and where it comes from (flag, environment, profile, default)",
                "rpctl config show",
                "rpctl --profile work config show -o json"))
            .Runs(inv, (_, _) =>
            {
                inv.ProfileUse = ProfileUse.MayBeMissing; // must work while the selected profile is broken
                foreach (var key in new[] { ConfigKeys.CloudType, ConfigKeys.Region, ConfigKeys.Gpu })
                    inv.Settings.Used(key); // config show reports a bad default even though other commands ignore it
                var rows = inv.Settings.Values.Select(v => (JsonNode)new JsonObject
                {
                    ["key"] = v.Key,
                    ["value"] = v.Key == "api_key" ? (v.Value is null ? null : Redaction.MaskKey(v.Value)) : v.Value,
                    ["source"] = v.Source,
                }).ToList();
                inv.Output.WriteList(rows, Spec);
                return Task.FromResult(ExitCodes.Success);
            });
}
