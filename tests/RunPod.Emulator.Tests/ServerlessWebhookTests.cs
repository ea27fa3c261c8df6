using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

/// <summary>A job's webhook: one POST of the status-shaped JSON when it ends.</summary>
public sealed class ServerlessWebhookTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ServerlessApi _api = new(emulator);

    [Fact]
    public async Task The_webhook_gets_the_final_job_once_when_it_ends()
    {
        var port = FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        receiver.Start();
        var first = receiver.GetContextAsync();

        var ep = await _api.CreateEndpointAsync(1, 1);
        var job = await _api.RunAsync(ep, """{"output":"done","sleep":1}""", $",\"webhook\":\"http://127.0.0.1:{port}/hook/\"");
        Assert.False(first.IsCompleted);
        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("COMPLETED", await _api.StatusOfAsync(ep, job));

        var call = await first.WaitAsync(TimeSpan.FromSeconds(10));
        using (var reader = new StreamReader(call.Request.InputStream))
        {
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            Assert.Equal("POST", call.Request.HttpMethod);
            Assert.Equal(job, body["id"]!.GetValue<string>());
            Assert.Equal("COMPLETED", body["status"]!.GetValue<string>());
            Assert.Equal("done", body["output"]!.GetValue<string>());
        }
        call.Response.StatusCode = 200;
        call.Response.Close();

        // Answered 200 and already terminal: reading the job again sends nothing more.
        var second = receiver.GetContextAsync();
        await _api.StatusAsync(ep, job);
        await Task.Delay(500);
        Assert.False(second.IsCompleted);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
