using RunPod.Api.Account;
using RunPod.Api.Catalog;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using RunPod.Api.Pods;
using RunPod.Api.Serverless;
using RunPod.Api.Registries;
using RunPod.Api.Templates;
using RunPod.Api.Volumes;

namespace RunPod.Api;

/// <summary>
/// Entry point of the library: one HttpClient (auth, retry, rate-limit gate, trace handlers) shared by
/// the typed clients of every area, so every concurrent caller shares one view of RunPod's rate limits.
/// </summary>
public sealed class RunPodClient : IDisposable
{
    private readonly HttpClient _http;

    public RunPodClient(RunPodClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        Options = options;
        HttpMessageHandler handler = innerHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (options.Trace is { } trace)
            handler = new TraceHandler(trace) { InnerHandler = handler };
        handler = new RateLimitGate(options.Retry.MaxRateLimitHold, options.Trace) { InnerHandler = handler };
        handler = new ResilienceHandler(options.Retry, options.RequestTimeout, options.Trace) { InnerHandler = handler };
        handler = new AuthHandler(options.ApiKey, options.UserAgent) { InnerHandler = handler };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        Transport = new ApiTransport(_http, options);
        Pods = new PodsClient(Transport);
        Catalog = new CatalogClient(Transport);
        GraphQl = new GraphQlClient(Transport);
        Endpoints = new EndpointsClient(Transport);
        Jobs = new JobsClient(Transport);
        Templates = new TemplatesClient(Transport);
        Volumes = new VolumesClient(Transport);
        Registries = new RegistriesClient(Transport, GraphQl);
        Account = new AccountClient(Transport, GraphQl);
    }

    public RunPodClientOptions Options { get; }
    public ApiTransport Transport { get; }
    public PodsClient Pods { get; }
    public CatalogClient Catalog { get; }
    public GraphQlClient GraphQl { get; }
    public EndpointsClient Endpoints { get; }
    public JobsClient Jobs { get; }
    public TemplatesClient Templates { get; }
    public VolumesClient Volumes { get; }
    public RegistriesClient Registries { get; }
    public AccountClient Account { get; }

    public void Dispose() => _http.Dispose();
}
