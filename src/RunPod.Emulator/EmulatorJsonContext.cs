using System.Text.Json.Serialization;
using RunPod.Emulator.Pods;
using RunPod.Emulator.Serverless;
using RunPod.Emulator.State;

namespace RunPod.Emulator;

/// <summary>Source-generated (AOT-safe) serialisation of the emulator's stored records. Responses are built as JsonNode.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmulatorConfig))]
[JsonSerializable(typeof(PodRecord))]
[JsonSerializable(typeof(JobRecord))]
[JsonSerializable(typeof(EndpointSim))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
