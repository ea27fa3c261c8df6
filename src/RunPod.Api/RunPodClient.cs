using RunPod.Api.Catalog;
using RunPod.Api.GraphQl;
using RunPod.Api.Http;
using RunPod.Api.Pods;
using RunPod.Api.Serverless;

namespace RunPod.Api;

/// <summary>
/// Entry point of the library: one HttpClient (auth, retry, trace handlers) shared by the typed
/// clients of every area.
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
        handler = new ResilienceHandler(options.Retry, options.RequestTimeout, options.Trace) { InnerHandler = handler };
        handler = new AuthHandler(options.ApiKey, options.UserAgent) { InnerHandler = handler };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };

        Transport = new ApiTransport(_http, options);
        Pods = new PodsClient(Transport);
        Catalog = new CatalogClient(Transport);
        GraphQl = new GraphQlClient(Transport);
        Endpoints = new EndpointsClient(Transport);
        Jobs = new JobsClient(Transport);
    }

    public RunPodClientOptions Options { get; }
    public ApiTransport Transport { get; }
    public PodsClient Pods { get; }
    public CatalogClient Catalog { get; }
    public GraphQlClient GraphQl { get; }
    public EndpointsClient Endpoints { get; }
    public JobsClient Jobs { get; }

    public void Dispose() => _http.Dispose();
}
