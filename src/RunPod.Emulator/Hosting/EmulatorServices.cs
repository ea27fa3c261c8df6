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
        Faults = new Admin.FaultStore();
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
    public Admin.FaultStore Faults { get; }

    public void Dispose() => Store.Dispose();
}
