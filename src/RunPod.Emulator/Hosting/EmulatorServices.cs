using RunPod.Emulator.Account;
using RunPod.Emulator.Catalog;
using RunPod.Emulator.Pods;
using RunPod.Emulator.Registries;
using RunPod.Emulator.Simulation;
using RunPod.Emulator.State;
using RunPod.Emulator.Templates;
using RunPod.Emulator.Volumes;

namespace RunPod.Emulator.Hosting;

/// <summary>
/// The emulator's object graph, wired by hand (no reflection-based DI activation, AOT-friendly).
/// Areas added later (endpoints) plug in here: add capacity consumers and template usages.
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
        var podReferences = new PodReferences(PodStore);
        Endpoints = new Serverless.EndpointStore();
        var endpointTemplates = new Serverless.EndpointTemplateBinding(Endpoints, () => Templates!);
        BoundTemplates = endpointTemplates;
        Templates = new TemplateService([podReferences, endpointTemplates]);
        Volumes = new VolumeService();
        Registries = new RegistryService([podReferences], Templates);
        Delegations = new DelegationService(Clock);
        SshKeys = new SshKeyStore();
        Pods = new PodService(PodStore, Scheduler, Capacity, Clock, Config, Templates, Volumes);
        Webhooks = new Serverless.WebhookDispatcher(options.WebhookRetryDelay);
        var serverless = new Serverless.ServerlessContext(Endpoints, Clock, Config, Webhooks);
        EndpointService = new Serverless.EndpointService(serverless, Templates, Volumes, BoundTemplates);
        Jobs = new Serverless.JobService(Store, serverless);
        Faults = new Admin.FaultStore();
    }

    public EmulatorOptions Options { get; }
    public StateStore Store { get; }
    public EmulatorClock Clock { get; }
    public EmulatorConfigStore Config { get; }
    public PodStore PodStore { get; }
    public CapacityLedger Capacity { get; }
    public Scheduler Scheduler { get; }
    public TemplateService Templates { get; }
    public VolumeService Volumes { get; }
    public RegistryService Registries { get; }
    public DelegationService Delegations { get; }
    public SshKeyStore SshKeys { get; }
    public PodService Pods { get; }
    public Serverless.EndpointStore Endpoints { get; }
    public Admin.FaultStore Faults { get; }

    /// <summary>Endpoint deletion removes the endpoint's bound template through it.</summary>
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
