using System.Net;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class PodLifecycleTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    internal const string Rtx4090Pod = """{"name":"trainer","image":"runpod/pytorch:1.0.2-cu1281-torch280-ubuntu2404","gpu":{"id":"NVIDIA GeForce RTX 4090","count":1},"ports":["8888/http","22/tcp"]}""";

    private readonly HttpClient _client = emulator.Client(EmulatorFixture.NewApiKey());

    [Fact]
    public async Task Create_returns_201_provisioning_pod_with_documented_defaults()
    {
        var created = await ApiCall.Post(_client, "/v2/pods", Rtx4090Pod);

        Assert.True(HttpStatusCode.Created == created.Status, created.Body);
        var pod = created.Json!;
        Assert.Matches("^[a-z0-9]{14}$", pod["id"]!.GetValue<string>());
        Assert.Equal("PROVISIONING", pod["status"]!.GetValue<string>());
        Assert.Equal(["stop", "terminate"], pod["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("SECURE", pod["cloud"]!.GetValue<string>());
        Assert.Equal(1, pod["gpu"]!["count"]!.GetValue<int>());
        Assert.Equal("{}", pod["env"]!.ToJsonString());
        Assert.Equal("{}", pod["mounts"]!.ToJsonString());
        Assert.Equal("", pod["args"]!.GetValue<string>());
        Assert.Null(pod["registry"]);
        Assert.Null(pod["runtime"]);
        Assert.Null(pod["startedAt"]);
        Assert.Null(pod["template"]);
        Assert.False(pod["locked"]!.GetValue<bool>());
        Assert.Equal("""{"enabled":false}""", pod["globalNetworking"]!.ToJsonString());
        Assert.Null(pod["ssh"]!["direct"]);
        Assert.Matches($"^{pod["id"]}-[0-9a-f]{{8}}$", pod["ssh"]!["proxy"]!["username"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", pod["createdAt"]!.GetValue<string>());
        Assert.Equal(0.44, pod["cost"]!.GetValue<double>());
    }

    [Fact]
    public async Task Pod_advances_to_running_with_runtime_ports_and_direct_ssh_as_the_clock_moves()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", Rtx4090Pod)).Json!["id"]!.GetValue<string>();

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(1.5));
        Assert.Equal("STARTING", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!["status"]!.GetValue<string>());

        await emulator.AdvanceClockAsync(TimeSpan.FromSeconds(10));
        var pod = (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!;
        Assert.Equal("RUNNING", pod["status"]!.GetValue<string>());
        Assert.NotNull(pod["startedAt"]);
        var runtime = pod["runtime"]!;
        Assert.True(runtime["uptime"]!.GetValue<int>() >= 7);
        var tcp = runtime["ports"]!.AsArray().Single(p => p!["type"]!.GetValue<string>() == "tcp")!;
        var http = runtime["ports"]!.AsArray().Single(p => p!["type"]!.GetValue<string>() == "http")!;
        Assert.Equal(22, tcp["private"]!.GetValue<int>());
        Assert.NotNull(tcp["public"]);
        Assert.NotNull(tcp["ip"]);
        Assert.Null(http["public"]);
        var direct = pod["ssh"]!["direct"]!;
        Assert.Equal(tcp["public"]!.GetValue<int>(), direct["port"]!.GetValue<int>());
        Assert.Equal($"ssh root@{tcp["ip"]} -p {tcp["public"]}", direct["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stop_start_restart_terminate_follow_the_state_machine()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", Rtx4090Pod)).Json!["id"]!.GetValue<string>();
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(1));

        var stopped = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""");
        Assert.Equal(HttpStatusCode.OK, stopped.Status);
        Assert.Equal("EXITED", stopped.Json!["status"]!.GetValue<string>());
        Assert.Equal(0.0, stopped.Json!["cost"]!.GetValue<double>());
        Assert.Null(stopped.Json!["runtime"]);
        Assert.NotNull(stopped.Json!["dataCenterId"]);
        Assert.NotNull(stopped.Json!["cudaVersion"]);

        var restartWhileStopped = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"restart"}""");
        Assert.Equal(HttpStatusCode.Conflict, restartWhileStopped.Status);
        Assert.Equal("application/problem+json", restartWhileStopped.ContentType);

        var started = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"start"}""");
        Assert.Equal("STARTING", started.Json!["status"]!.GetValue<string>());
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("RUNNING", (await ApiCall.Get(_client, $"/v2/pods/{id}")).Json!["status"]!.GetValue<string>());

        var terminated = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"terminate"}""");
        Assert.Equal(HttpStatusCode.NoContent, terminated.Status);
        Assert.Equal("", terminated.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Get(_client, $"/v2/pods/{id}")).Status);
        Assert.DoesNotContain(id, (await ApiCall.Get(_client, "/v2/pods")).Body);
    }

    [Fact]
    public async Task Locked_pod_cannot_be_stopped()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", Rtx4090Pod)).Json!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ApiCall.Patch(_client, $"/v2/pods/{id}", """{"locked":true}""")).Status);

        var stop = await ApiCall.Post(_client, $"/v2/pods/{id}/action", """{"action":"stop"}""");

        Assert.Equal(HttpStatusCode.Conflict, stop.Status);
    }

    [Fact]
    public async Task Delete_returns_204_then_404()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", Rtx4090Pod)).Json!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(_client, $"/v2/pods/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(_client, $"/v2/pods/{id}")).Status);
    }

    [Fact]
    public async Task Patch_changes_only_given_fields_and_explicit_empty_values_clear()
    {
        var id = (await ApiCall.Post(_client, "/v2/pods", """{"name":"a","image":"img","gpu":{"id":"NVIDIA GeForce RTX 4090"},"env":{"A":"1","B":"2"},"registry":"reg1","ports":["22/tcp"]}""")).Json!["id"]!.GetValue<string>();

        var patched = (await ApiCall.Patch(_client, $"/v2/pods/{id}", """{"name":"b","registry":null,"ports":[],"env":{"C":"3"}}""")).Json!;

        Assert.Equal("b", patched["name"]!.GetValue<string>());
        Assert.Equal("img", patched["image"]!.GetValue<string>());
        Assert.Null(patched["registry"]);
        Assert.Equal("[]", patched["ports"]!.ToJsonString());
        Assert.Equal("""{"C":"3"}""", patched["env"]!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_pod_is_404_problem()
    {
        var response = await ApiCall.Get(_client, "/v2/pods/doesnotexist00");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("resource not found", response.Json!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cpu_pod_has_cpu_block_and_per_vcpu_cost()
    {
        var created = await ApiCall.Post(_client, "/v2/pods", """{"name":"c","image":"ubuntu","cpu":{"id":"cpu3c","vcpuCount":4}}""");

        Assert.True(HttpStatusCode.Created == created.Status, created.Body);
        Assert.Null(created.Json!["gpu"]);
        Assert.Equal(4, created.Json!["cpu"]!["vcpuCount"]!.GetValue<int>());
        Assert.Equal(8, created.Json!["cpu"]!["memory"]!.GetValue<int>());
        Assert.Equal(0.16, created.Json!["cost"]!.GetValue<double>(), 6);
    }
}
