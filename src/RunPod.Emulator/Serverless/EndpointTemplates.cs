using RunPod.Emulator.State;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// What the serverless area needs from templates beyond <see cref="Pods.ITemplateSource"/>: RunPod
/// deletes an endpoint's bound template together with the endpoint. Kept behind this interface
/// so the templates area can plug in without the serverless code knowing its storage.
/// </summary>
internal interface IBoundTemplateRemover
{
    void Remove(StateTransaction tx, string account, string templateId);
}

/// <summary>Used until a template store exists: there is nothing to remove.</summary>
internal sealed class NoBoundTemplates : IBoundTemplateRemover
{
    public void Remove(StateTransaction tx, string account, string templateId)
    {
    }
}
