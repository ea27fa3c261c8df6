using System.Text;

namespace RunPod.Emulator.Catalog;

/// <summary>
/// The emulator's invented, deterministic stock: which data centers host which GPU, how many
/// are free, and the host CUDA version. Common GPUs sit in several DCs (always including
/// US-TX-3, US-KS-2, US-CA-2 and EU-RO-1 so tests can rely on them); flagship or old GPUs are
/// scarce or absent. Stable hashing (not string.GetHashCode) keeps it identical across processes.
/// </summary>
internal static class DefaultStock
{
    private static readonly HashSet<string> AnchorDataCenters = ["US-TX-3", "US-KS-2", "US-CA-2", "EU-RO-1"];

    private static readonly HashSet<string> Common =
    [
        "NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 5090", "NVIDIA RTX A6000", "NVIDIA RTX A5000",
        "NVIDIA RTX A4000", "NVIDIA RTX A4500", "NVIDIA A40", "NVIDIA L40S", "NVIDIA L40", "NVIDIA L4",
        "NVIDIA RTX 4000 Ada Generation", "NVIDIA RTX 2000 Ada Generation", "NVIDIA RTX 6000 Ada Generation",
        "NVIDIA A100 80GB PCIe", "NVIDIA A100-SXM4-80GB", "NVIDIA H100 80GB HBM3", "NVIDIA H100 PCIe", "NVIDIA H100 NVL", "NVIDIA H200",
    ];

    private static readonly HashSet<string> Absent =
    [
        "NVIDIA A30", "NVIDIA GeForce RTX 3080", "Tesla V100-PCIE-16GB", "Tesla V100-SXM2-16GB", "NVIDIA RTX A2000",
        "NVIDIA RTX PRO 6000 Blackwell Server Edition MIG 1g.24gb", "NVIDIA RTX PRO 6000 Blackwell Server Edition MIG 2g.48gb",
    ];

    private static readonly string[] AmpereAdaHopperCuda = ["12.4", "12.6", "12.8", "12.9"];
    private static readonly string[] BlackwellCuda = ["12.8", "12.9", "13.0"];

    /// <summary>Free GPUs of a type in a DC and cloud before any pod runs.</summary>
    public static int Gpus(GpuSeed gpu, DataCenterSeed dc, string cloud)
    {
        if (Absent.Contains(gpu.Id) || !gpu.OfferedIn(cloud))
        {
            return 0;
        }
        var roll = Hash(gpu.Id, dc.Id, cloud) % 100;
        if (Common.Contains(gpu.Id))
        {
            var hosted = (cloud == Clouds.Secure && AnchorDataCenters.Contains(dc.Id)) || roll < 35;
            return hosted ? 8 + (int)(Hash(dc.Id, gpu.Id, "count") % 33) : 0;
        }
        // Everything else is scarce: a few GPUs in a few DCs.
        return roll < 12 ? 1 + (int)(Hash(dc.Id, gpu.Id, "scarce") % 4) : 0;
    }

    /// <summary>Free vCPUs of a CPU flavor in a DC; CPU capacity is plentiful in SECURE only.</summary>
    public static int Vcpus(CpuSeed cpu, DataCenterSeed dc, string cloud) =>
        cloud == Clouds.Secure && (AnchorDataCenters.Contains(dc.Id) || Hash(cpu.Id, dc.Id, cloud) % 100 < 50) ? 512 : 0;

    /// <summary>CUDA version the hosts of this GPU type report in this DC; null for AMD (no CUDA).</summary>
    public static string? HostCuda(GpuSeed gpu, DataCenterSeed dc)
    {
        if (gpu.IsAmd)
        {
            return null;
        }
        var versions = gpu.Name.Contains("PRO", StringComparison.Ordinal) || gpu.Id.Contains("B200", StringComparison.Ordinal)
            || gpu.Id.Contains("B300", StringComparison.Ordinal) || gpu.Id.Contains("RTX 50", StringComparison.Ordinal)
            ? BlackwellCuda : AmpereAdaHopperCuda;
        return versions[(int)(Hash(gpu.Id, dc.Id, "cuda") % (uint)versions.Length)];
    }

    private static uint Hash(string a, string b, string c)
    {
        // FNV-1a: tiny, stable across runs and platforms.
        var hash = 2166136261u;
        foreach (var b8 in Encoding.UTF8.GetBytes($"{a}|{b}|{c}"))
        {
            hash = (hash ^ b8) * 16777619u;
        }
        return hash;
    }
}
