using System.Security.Cryptography;

namespace RunPod.Emulator.State;

/// <summary>Ids shaped like RunPod's (opaque to clients, so random is fine).</summary>
internal static class IdGenerator
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Pods, endpoints and workers: 14 chars of [a-z0-9].</summary>
    public static string PodId() => Random(14);

    /// <summary>Templates and network volumes: 10 chars of [a-z0-9].</summary>
    public static string ShortId() => Random(10);

    /// <summary>Registry credentials: cuid-like, `c` + 24 chars of [a-z0-9] (v1 showed `clzdaifot0001l90809257ynb`).</summary>
    public static string CuidLike() => "c" + Random(24);

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    public static string Hex(int length) => RandomNumberGenerator.GetHexString(length, lowercase: true);
}
