using System.Text;
using System.Text.Json.Nodes;

namespace RunPod.Emulator.Serverless;

/// <summary>
/// Delivers a job's webhook as RunPod does: one POST of the status-shaped JSON when the job ends,
/// retried up to 2 more times, 10 s apart, until the receiver answers 200. Sent in the
/// background so no request waits on someone else's server.
/// </summary>
internal sealed class WebhookDispatcher(TimeSpan retryDelay) : IDisposable
{
    private const int Attempts = 3;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Send(string url, JsonObject body)
    {
        var json = body.ToJsonString();
        _ = Task.Run(async () =>
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(retryDelay);
                }
                try
                {
                    using var content = new StringContent(json, Encoding.UTF8, "application/json");
                    using var response = await _http.PostAsync(url, content);
                    if ((int)response.StatusCode == 200)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
                {
                    // An unreachable receiver counts as a failed attempt, like a non-200.
                }
            }
        });
    }

    public void Dispose() => _http.Dispose();
}
