using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Template;

/// <summary>The template fields <c>template create</c> and <c>template update</c> share, declared once.</summary>
internal sealed class TemplateOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Template name" };
    public Option<string?> Image { get; } = new("--image") { Description = "Container image, e.g. runpod/pytorch:2.8.0", HelpName = "IMAGE" };
    public Option<int?> ContainerDisk { get; } = ValidatedOptions.Int("--container-disk", "Container disk in GB (wiped on restart)", 1, 10_000, "GB");
    public Option<int?> VolumeDisk { get; } = ValidatedOptions.Int("--volume-disk", "Persistent pod volume in GB (at least 10)", 10, 10_000, "GB");
    public Option<string?> VolumeMountPath { get; } = new("--volume-mount-path") { Description = "Where the pod volume is mounted (default /workspace)", HelpName = "PATH" };
    public Option<string[]> Ports { get; } = new("--ports") { Description = "Ports to expose, e.g. 8888/http,22/tcp (repeatable)", HelpName = "PORTS" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "Environment variable KEY=VALUE (repeatable)", HelpName = "KEY=VALUE" };
    public Option<string?> DockerStartCmd { get; } = new("--docker-start-cmd") { Description = "Arguments passed to the image's entrypoint (v2 'args')", HelpName = "CMD" };
    public Option<string?> RegistryAuth { get; } = new("--registry-auth") { Description = "Registry credential id for a private image (see 'rpctl registry list')", HelpName = "ID" };
    public Option<string?> Readme { get; } = new("--readme") { Description = "Readme text, or @FILE to read it from a file", HelpName = "TEXT|@FILE" };
    public Option<string[]> CudaVersion { get; } = new("--cuda-version") { Description = "Allowed host CUDA version, e.g. 12.8 (repeatable or comma-separated)", HelpName = "V" };
    public Option<bool> NoSsh { get; } = new("--no-ssh") { Description = "Do not provision SSH access in containers" };
    public Option<bool> NoJupyter { get; } = new("--no-jupyter") { Description = "Do not start JupyterLab in containers" };
    public Option<bool> DryRun { get; } = SharedOptions.DryRun();
}
