using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunPod.Api;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using Rpctl.Cli;

namespace Rpctl.Commands.Auth;

/// <summary><c>rpctl auth status</c>: checks the effective key with one API call and says which key it is and where it came from.</summary>
internal static class AuthCommand
{
    public static Command Create(Invocation inv) =>
        new Command("auth", CommandExtensions.Describe("Check credentials", "rpctl auth status"))
            .With(Status(inv));

    private static Command Status(Invocation inv) =>
        new Command("status", CommandExtensions.Describe("Check the API key with one API call and show which key is used and where it came from",
                "rpctl auth status", "RUNPOD_API_KEY=rpa_... rpctl auth status -o json"))
            .Runs(inv, async (_, ct) =>
            {
                var settings = inv.Settings;
                var masked = Redaction.MaskKey(settings.ApiKey);
                var client = await inv.ClientAsync(ct);
                JsonElement me;
                try
                {
                    me = await client.GraphQl.ExecuteAsync(
                        GraphQlClient.BuildRequest("query Myself { myself { id email } }", null), "myself", ct);
                }
                catch (RunPodApiException e) when (e.Status is 401 or 403)
                {
                    throw new CliException(ExitCodes.Auth, $"RunPod rejected the key {masked} from {settings.ApiKeySource} ({e.Status}: {e.Detail})");
                }

                var api = settings.Local ? "built-in emulator" : inv.DescribeTarget().RestOrigin.ToString().TrimEnd('/');
                var result = new JsonObject
                {
                    ["valid"] = true,
                    ["apiKey"] = masked,
                    ["source"] = settings.ApiKeySource,
                    ["profile"] = settings.Profile,
                    ["api"] = api,
                    ["account"] = new JsonObject
                    {
                        ["id"] = me.TryGetProperty("id", out var id) ? id.GetString() : null,
                        ["email"] = me.TryGetProperty("email", out var email) ? email.GetString() : null,
                    },
                };
                inv.Output.WriteResult(result,
                    $"Logged in to {api} as {result["account"]!["email"] ?? result["account"]!["id"]} with key {masked} from {settings.ApiKeySource} (profile '{settings.Profile}')");
                return ExitCodes.Success;
            });
}
