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
        // Endpoints bound to templates add their ITemplateUsage here.
        Templates = new TemplateService([podReferences]);
        Volumes = new VolumeService();
        Registries = new RegistryService([podReferences], Templates);
        Delegations = new DelegationService(Clock);
        SshKeys = new SshKeyStore();
        Pods = new PodService(PodStore, Scheduler, Capacity, Clock, Config, Templates, Volumes);
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
    public Admin.FaultStore Faults { get; }

    public void Dispose() => Store.Dispose();
}
