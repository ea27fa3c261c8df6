using RunPod.Emulator.Http;
using RunPod.Emulator.State;
using RunPod.Emulator.Templates;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// What the serverless area needs from templates beyond <see cref="Pods.ITemplateSource"/>: RunPod
/// deletes an endpoint's bound template together with the endpoint.
/// </summary>
internal interface IBoundTemplateRemover
{
    void Remove(StateTransaction tx, string account, string templateId);
}

/// <summary>
/// Endpoints and the templates bound to them: a bound template counts as in use (so deleting it
/// directly is refused), and goes away with its endpoint unless something else still uses it.
/// </summary>
internal sealed class EndpointTemplateBinding(EndpointStore endpoints, Func<TemplateService> templates) : ITemplateUsage, IBoundTemplateRemover
{
    public IEnumerable<string> UsersOf(StateTransaction tx, string account, string templateId) =>
        endpoints.List(tx, account).Where(e => e.BoundTemplateId == templateId).Select(e => $"endpoint {e.Id}");

    public void Remove(StateTransaction tx, string account, string templateId)
    {
        try
        {
            templates().Delete(tx, account, templateId);
        }
        catch (ApiException e) when (e.Status is 400 or 404)
        {
            // Still used by another endpoint or a pod (400), or a public template that is not ours (404): it stays.
        }
    }
}
