using System.CommandLine;
using System.Text.Json.Nodes;
using RunPod.Api.Http;
using RunPod.Api.Templates;
using Rpctl.Cli;
using Rpctl.Services;

namespace Rpctl.Commands.Template;

internal static class TemplateCreateCommand
{
    /// <summary>Shown in --dry-run where the id of the template-to-be belongs.</summary>
    private const string NewIdPlaceholder = "<new template id>";

    public static Command Create(Invocation inv)
    {
        var o = new TemplateOptions();
        var serverless = new Option<bool>("--serverless") { Description = "A template for serverless workers instead of pods" };
        var showSecrets = SharedOptions.ShowSecrets();
        return new Command("create", CommandExtensions.Describe("Create a template",
                "rpctl template create --name torch --image runpod/pytorch:2.8.0 --ports 8888/http,22/tcp --volume-disk 20",
                "rpctl template create --name worker --image me/worker:1 --serverless --env MODEL=llama --readme @README.md --dry-run"))
            .With(o.Name, o.Image, serverless, o.ContainerDisk, o.VolumeDisk, o.VolumeMountPath, o.Ports, o.Env, o.DockerStartCmd,
                o.RegistryAuth, o.Readme, o.CudaVersion, o.NoSsh, o.NoJupyter, o.DryRun, showSecrets)
            .Runs(inv, async (parse, ct) =>
            {
                var body = TemplateFields.Common(parse, o);
                if (!body.ContainsKey("name"))
                    throw CliException.Usage("template create needs --name NAME");
                if (!body.ContainsKey("image"))
                    throw CliException.Usage("template create needs --image IMAGE");
                if (body["allowedCudaVersions"] is JsonArray { Count: 0 })
                    body.Remove("allowedCudaVersions"); // 'any' is the default
                var env = EnvVars.Parse(parse.GetValue(o.Env) ?? [], null, inv.Context);
                if (env.Count > 0) body["env"] = TemplateFields.Env(env);
                var mountPath = TemplateFields.MountPath(parse, o);
                var volume = parse.GetValue(o.VolumeDisk);
                if (mountPath is not null && volume is null)
                    throw CliException.Usage("--volume-mount-path needs --volume-disk");
                if (volume is { } size) body["mounts"] = TemplateFields.Persistent(size, mountPath ?? "/workspace");
                if (parse.GetValue(o.RegistryAuth) is { } registry) body["registry"] = registry;
                if (parse.GetValue(serverless)) body["serverless"] = true;
                var readme = TemplateFields.Readme(parse, o, inv.Context);

                var create = TemplatesClient.BuildCreate(body);
                if (parse.GetValue(o.DryRun))
                {
                    var steps = new List<(string, ApiRequest)> { ("create", create) };
                    if (readme is not null)
                        steps.Add(("set the readme (REST v2 has no readme field)", ReadmeRequest(NewIdPlaceholder, body, readme)));
                    DryRun.Print(inv, steps, sequence: true);
                    return ExitCodes.Success;
                }

                var client = await inv.ClientAsync(ct);
                var template = await SafeCreate.SendAsync(inv, CreatedLookups.Template(client, body["name"]!.GetValue<string>()),
                    token => client.Templates.CreateAsync(create, token), ct);
                if (readme is not null)
                {
                    try
                    {
                        await client.GraphQl.ExecuteAsync(TemplatesClient.BuildSetReadme(template, readme), "saveTemplate", ct);
                    }
                    catch (Exception e) when (e is RunPod.Api.RunPodApiException or RunPod.Api.GraphQlException)
                    {
                        throw new CliException(ExitCodes.Failure, $"template {template.Id} was created, but its readme was not set: {e.Message}", template.Id);
                    }
                }

                inv.Output.WriteResult(TemplateListCommand.Printable(template, parse.GetValue(showSecrets)), $"Created template {template.Id} ({template.Name})");
                return ExitCodes.Success;
            });
    }

    /// <summary>The readme request as it would be sent once the template exists.</summary>
    private static ApiRequest ReadmeRequest(string id, JsonObject body, string readme)
    {
        var preview = body.DeepClone().AsObject();
        preview["id"] = id;
        return TemplatesClient.BuildSetReadme(preview, readme);
    }
}
