using System.CommandLine;
using Rpctl.Cli;

namespace Rpctl.Commands.Volume;

internal static class VolumeCommand
{
    public static Command Create(Invocation inv) =>
        new Command("volume", CommandExtensions.Describe("Create and manage network volumes (storage that outlives pods, in one data center)",
            "rpctl volume list", "rpctl volume create --help")).With(
            VolumeListCommand.Create(inv),
            VolumeGetCommand.Create(inv),
            VolumeCreateCommand.Create(inv),
            VolumeUpdateCommand.Create(inv),
            VolumeDeleteCommand.Create(inv));

    public static Argument<string> Id() => IdArguments.One("VOLUME_ID", "The network volume's id (see 'rpctl volume list')");

    public static Option<int?> Size(string description) =>
        ValidatedOptions.Int("--size", description, RunPod.Api.Volumes.NetworkVolumeLimits.MinSize, RunPod.Api.Volumes.NetworkVolumeLimits.MaxSize, "GB");

    public static System.Text.Json.Nodes.JsonNode Printable(RunPod.Api.Volumes.NetworkVolume volume) =>
        System.Text.Json.Nodes.JsonNode.Parse(volume.Raw.GetRawText())!;
}
