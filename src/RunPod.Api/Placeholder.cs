namespace RunPod.Api; internal static class Placeholder {}
