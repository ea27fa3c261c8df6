namespace RunPod.Emulator; internal static class Placeholder {}
