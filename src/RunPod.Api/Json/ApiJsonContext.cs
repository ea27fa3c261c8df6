using System.Text.Json.Serialization;
using RunPod.Api.Account;
using RunPod.Api.Catalog;
using RunPod.Api.Pods;
using RunPod.Api.Serverless;
using RunPod.Api.Registries;
using RunPod.Api.Templates;
using RunPod.Api.Volumes;

namespace RunPod.Api.Json;

/// <summary>Source-generated (AOT-safe) serialization for every type the client reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(CreatePodRequest))]
[JsonSerializable(typeof(GpuType))]
[JsonSerializable(typeof(Endpoint))]
[JsonSerializable(typeof(EndpointWorkers))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(StreamBatch))]
[JsonSerializable(typeof(EndpointHealth))]
[JsonSerializable(typeof(PurgeResult))]
[JsonSerializable(typeof(Template))]
[JsonSerializable(typeof(NetworkVolume))]
[JsonSerializable(typeof(CreateNetworkVolumeRequest))]
[JsonSerializable(typeof(Registry))]
[JsonSerializable(typeof(AccountInfo))]
[JsonSerializable(typeof(CpuType))]
[JsonSerializable(typeof(DataCenter))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
