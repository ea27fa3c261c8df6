using System.Text.Json.Nodes;

namespace RunPod.Emulator.Templates;

/// <summary>
/// The public catalog the emulator serves (`/v2/catalog/templates`): a few templates shaped like
/// RunPod's well-known ones. Ids and details are the emulator's own, not RunPod's.
/// </summary>
internal static class PublicTemplates
{
    public const string Official = "official";
    public const string Verified = "verified";
    public const string Community = "community";
    public static readonly string[] Sources = [Official, Verified, Community];

    public static readonly (string Source, JsonObject Template)[] Seed =
    [
        (Official, Make("30zmvf89kd", "PyTorch 2.8", "runpod/pytorch:1.0.2-cu1281-torch280-ubuntu2404", 50, 20, ["8888/http", "22/tcp"])),
        (Official, Make("runpodubun", "Ubuntu 24.04", "runpod/base:0.7.0-ubuntu2404", 20, 0, ["22/tcp"], category: "CPU", jupyter: false)),
        (Official, Make("tf2x9k3m1q", "TensorFlow 2.15", "runpod/tensorflow:2.15.0-py3.11-cuda12.2.2-ubuntu22.04", 50, 20, ["8888/http", "22/tcp"])),
        (Verified, Make("cmfyui7w2e", "ComfyUI", "runpod/comfyui:0.3.40-cuda12.8", 40, 50, ["8188/http", "22/tcp"], jupyter: false)),
        (Verified, Make("vllmwkr8s4", "vLLM Worker", "runpod/worker-v1-vllm:v2.7.0", 30, 0, [], serverless: true, jupyter: false, ssh: false)),
        (Community, Make("txtgen4h6p", "Text Generation WebUI", "valyriantech/text-generation-webui-oneclick:latest", 30, 100, ["7860/http", "22/tcp"], jupyter: false)),
        (Community, Make("sdforge5n1", "Stable Diffusion WebUI Forge", "community/sd-forge:2.0", 30, 80, ["7860/http", "22/tcp"], jupyter: false)),
    ];

    public static JsonObject? Find(string id) => Seed.FirstOrDefault(s => s.Template["id"]!.GetValue<string>() == id).Template;

    private static JsonObject Make(string id, string name, string image, int disk, int volume, string[] ports,
        string category = "NVIDIA", bool serverless = false, bool jupyter = true, bool ssh = true) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["image"] = image,
        ["args"] = "",
        ["disk"] = disk,
        ["mounts"] = volume > 0 ? new JsonObject { ["persistent"] = new JsonObject { ["size"] = volume, ["path"] = "/workspace" } } : new JsonObject(),
        ["ports"] = new JsonArray([.. ports.Select(p => (JsonNode?)p)]),
        ["env"] = new JsonObject(),
        ["registry"] = null,
        ["serverless"] = serverless,
        ["public"] = true,
        ["category"] = category,
        ["startSsh"] = ssh,
        ["startJupyter"] = jupyter,
        ["allowedCudaVersions"] = new JsonArray(),
    };
}
