using System.Text.Json;
using RunPod.Emulator.Http;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>What loading a <see cref="ServerlessWorld"/> needs, wired once.</summary>
internal sealed record ServerlessContext(EndpointStore Endpoints, EmulatorClock Clock, EmulatorConfigStore Config, WebhookDispatcher Webhooks);

/// <summary>
/// One endpoint's endpoint document, simulation state and jobs, loaded in a transaction and
/// already advanced to the emulator's "now"; <see cref="Save"/> writes everything back.
/// </summary>
internal sealed class ServerlessWorld
{
    public const string SimKind = "endpoint-sim";
    public const string JobKind = "job";

    private readonly StateTransaction _tx;
    private readonly string _account;
    private readonly WebhookDispatcher _webhooks;

    private ServerlessWorld(StateTransaction tx, string account, EndpointDocument endpoint, EndpointSim sim, List<JobRecord> jobs, DateTimeOffset now,
        TimeSpan coldStart, WebhookDispatcher webhooks)
    {
        _tx = tx;
        _account = account;
        _webhooks = webhooks;
        Endpoint = endpoint;
        Sim = sim;
        Jobs = jobs;
        Now = now;
        Simulation = new QueueSimulation(endpoint, sim, jobs, coldStart);
        Simulation.AdvanceTo(now);
    }

    public EndpointDocument Endpoint { get; }
    public EndpointSim Sim { get; }
    public List<JobRecord> Jobs { get; }
    public DateTimeOffset Now { get; }
    public QueueSimulation Simulation { get; }

    public static ServerlessWorld Load(StateTransaction tx, string account, ServerlessContext context, string endpointId)
    {
        var endpoint = context.Endpoints.Find(tx, account, endpointId) ?? throw new ApiException(404, "endpoint not found");
        var now = context.Clock.Now(tx);
        var sim = tx.GetDocument(SimKind, account, endpointId) is { } json
            ? JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.EndpointSim)!
            : new EndpointSim { AdvancedTo = now };
        var jobs = tx.ListDocuments(JobKind, account)
            .Select(j => JsonSerializer.Deserialize(j, EmulatorJsonContext.Default.JobRecord)!)
            .Where(j => j.EndpointId == endpointId)
            .ToList();
        var settings = context.Config.Get(tx);
        var coldStart = TimeSpan.FromSeconds(settings.ProvisioningDelaySeconds + settings.StartingDelaySeconds);
        return new ServerlessWorld(tx, account, endpoint, sim, jobs, now, coldStart, context.Webhooks);
    }

    public JobRecord Job(string jobId) => Jobs.FirstOrDefault(j => j.Id == jobId) ?? throw new ApiException(404, "request does not exist");

    /// <summary>Writes everything back and sends the webhooks of jobs that ended meanwhile.</summary>
    public void Save()
    {
        foreach (var job in Simulation.Ended.Where(j => j.Webhook is not null && Jobs.Contains(j)))
        {
            _webhooks.Send(job.Webhook!, JobService.Render(job, Now));
        }
        _tx.PutDocument(SimKind, _account, Endpoint.Id, JsonSerializer.Serialize(Sim, EmulatorJsonContext.Default.EndpointSim));
        foreach (var job in Jobs)
        {
            _tx.PutDocument(JobKind, _account, job.Id, JsonSerializer.Serialize(job, EmulatorJsonContext.Default.JobRecord));
        }
        foreach (var id in Simulation.Removed)
        {
            _tx.DeleteDocument(JobKind, _account, id);
        }
    }

    /// <summary>Removes the endpoint's simulation and every job (endpoint deletion).</summary>
    public void DeleteAll()
    {
        _tx.DeleteDocument(SimKind, _account, Endpoint.Id);
        foreach (var job in Jobs)
        {
            _tx.DeleteDocument(JobKind, _account, job.Id);
        }
        foreach (var id in Simulation.Removed)
        {
            _tx.DeleteDocument(JobKind, _account, id);
        }
    }
}
