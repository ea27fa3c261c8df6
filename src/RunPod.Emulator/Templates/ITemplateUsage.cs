using RunPod.Emulator.State;

namespace RunPod.Emulator.Templates;

/// <summary>
/// Something that can hold on to a template (pods created from it; serverless endpoints bound to
/// it), so a template in use is not deleted. Each area that references templates adds one.
/// </summary>
internal interface ITemplateUsage
{
    /// <summary>Readable names of the users, e.g. "pod abc123def456gh".</summary>
    IEnumerable<string> UsersOf(StateTransaction tx, string account, string templateId);
}
