using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpctl.Cli;
using Rpctl.Output;
using Rpctl.Services;

namespace Rpctl.Commands.Ssh;

/// <summary><c>ssh info POD</c>: the endpoint rpctl would use, both of RunPod's endpoints, and the ssh command line.</summary>
internal static class SshInfoCommand
{
    public static Command Create(Invocation inv)
    {
        var pod = IdArguments.One("POD", "Pod id or name");
        return new Command("info", CommandExtensions.Describe("Show how to reach a pod over SSH",
                "rpctl ssh info abc123def456gh", "rpctl ssh info trainer -o json | jq -r .command"))
            .With(pod)
            .Runs(inv, async (parse, ct) =>
            {
                var client = await inv.ClientAsync(ct);
                var p = await SshPods.ResolveAsync(client, parse.GetValue(pod)!, ct);
                var target = SshTarget.Choose(p, SshRoute.Auto);
                var request = new SshRequest(null, null, [], [], null, false, Path.Combine(inv.Context.ConfigDirectory, "known_hosts"));
                var ssh = p.Raw.TryGetProperty("ssh", out var s) && s.ValueKind == JsonValueKind.Object ? JsonNode.Parse(s.GetRawText())!.AsObject() : new JsonObject();
                var info = new JsonObject
                {
                    ["id"] = p.Id,
                    ["name"] = p.Name,
                    ["status"] = p.Status,
                    ["endpoint"] = target.Kind,
                    ["host"] = target.Host,
                    ["port"] = target.Port,
                    ["user"] = target.User,
                    ["command"] = ShellQuote.Join(SshCommandLine.Build(target, request)),
                    ["proxy"] = ssh["proxy"]?.DeepClone(),
                    ["direct"] = ssh["direct"]?.DeepClone(),
                };
                inv.Output.WriteItem(info, Spec);
                return ExitCodes.Success;
            });
    }

    private static readonly TableSpec Spec = new([],
    [
        new Column("Pod", i => $"{JsonPath.Text(i, "id")} ({JsonPath.Text(i, "name")}, {JsonPath.Text(i, "status")})"),
        new Column("Endpoint", i => $"{JsonPath.Text(i, "user")}@{JsonPath.Text(i, "host")}:{JsonPath.Text(i, "port")} ({JsonPath.Text(i, "endpoint")})"),
        new Column("Direct", i => JsonPath.At(i, "direct") is JsonObject d ? $"{JsonPath.Text(d, "username")}@{JsonPath.Text(d, "host")}:{JsonPath.Text(d, "port")}" : "none (needs RUNNING and 22/tcp exposed)"),
        new Column("Proxy", i => JsonPath.At(i, "proxy") is JsonObject d ? $"{JsonPath.Text(d, "username")}@{JsonPath.Text(d, "host")}" : "none"),
        new Column("Command", i => JsonPath.Text(i, "command")),
    ]);
}
