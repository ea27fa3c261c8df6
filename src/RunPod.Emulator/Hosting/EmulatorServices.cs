using RunPod.Emulator.Catalog;
using RunPod.Emulator.Pods;
using RunPod.Emulator.Simulation;
using RunPod.Emulator.State;

namespace RunPod.Emulator.Hosting;

/// <summary>
/// The emulator's object graph, wired by hand (no reflection-based DI activation, AOT-friendly).
/// Areas added later (templates, volumes, endpoints) plug in here: replace
/// <see cref="Templates"/>/<see cref="Volumes"/> and add capacity consumers.
/// </summary>
internal sealed class EmulatorServices : IDisposable
{
    public EmulatorServices(EmulatorOptions options)
    {
        Options = options;
        Store = new StateStore(options.StatePath);
        Clock = new EmulatorClock(options.TimeProvider, Store);
        Config = new EmulatorConfigStore(options);
        PodStore = new PodStore();
        Capacity = new CapacityLedger([PodStore]);
        Scheduler = new Scheduler(Capacity);
        var nothing = new NoTemplatesOrVolumes();
        Templates = nothing;
        Volumes = nothing;
        Pods = new PodService(PodStore, Scheduler, Capacity, Clock, Config, Templates, Volumes);
        Endpoints = new Serverless.EndpointStore();
        BoundTemplates = new Serverless.NoBoundTemplates();
        Webhooks = new Serverless.WebhookDispatcher(options.WebhookRetryDelay);
        var serverless = new Serverless.ServerlessContext(Endpoints, Clock, Config, Webhooks);
        EndpointService = new Serverless.EndpointService(serverless, Templates, Volumes, BoundTemplates);
        Jobs = new Serverless.JobService(Store, serverless);
    }

    public EmulatorOptions Options { get; }
    public StateStore Store { get; }
    public EmulatorClock Clock { get; }
    public EmulatorConfigStore Config { get; }
    public PodStore PodStore { get; }
    public CapacityLedger Capacity { get; }
    public Scheduler Scheduler { get; }
    public ITemplateSource Templates { get; }
    public INetworkVolumeSource Volumes { get; }
    public PodService Pods { get; }
    public Serverless.EndpointStore Endpoints { get; }

    /// <summary>Replace when a template store exists: endpoint deletion removes the bound template through it.</summary>
    public Serverless.IBoundTemplateRemover BoundTemplates { get; }
    public Serverless.EndpointService EndpointService { get; }
    public Serverless.JobService Jobs { get; }
    public Serverless.WebhookDispatcher Webhooks { get; }

    public void Dispose()
    {
        Webhooks.Dispose();
        Store.Dispose();
    }
}
