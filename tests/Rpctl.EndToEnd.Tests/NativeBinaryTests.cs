using System.Diagnostics;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace Rpctl.EndToEnd.Tests;

/// <summary>The shipped binary, run the way a user runs it: separate processes, real stdio, exit codes.</summary>
public sealed class NativeBinaryTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public NativeBinaryTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Version_and_help_work_without_config_or_network()
    {
        using var rpctl = NativeBinary.Require();
        var version = await rpctl.RunAsync("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", version.Stdout);

        var help = await rpctl.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("pod", help.Stdout);
        Assert.Contains("emulator", help.Stdout);
        Assert.False(Directory.Exists(Path.Combine(rpctl.Home, "config", "rpctl")), "--help must not create config");
    }

    [Fact]
    public async Task Local_pod_survives_between_processes()
    {
        using var rpctl = NativeBinary.Require();
        var created = await rpctl.RunAsync("--local", "pod", "create", "--gpu", "RTX 4090", "--image", "runpod/pytorch:2.8.0",
            "--env", "CONN=a=b,c", "--wait", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal("RUNNING", created.Json["status"]!.GetValue<string>());

        var list = await rpctl.RunAsync("pod", "list", "--local", "-o", "json");
        Assert.Equal(0, list.ExitCode);
        var pod = Assert.Single(list.Json.AsArray())!;
        Assert.Equal(id, pod["id"]!.GetValue<string>());
        Assert.Equal("a=b,c", pod["env"]!["CONN"]!.GetValue<string>());

        Assert.Equal(0, (await rpctl.RunAsync("--local", "pod", "delete", id, "--yes")).ExitCode);
        Assert.Equal(3, (await rpctl.RunAsync("--local", "pod", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Talks_to_an_emulator_over_http_with_exit_codes_and_no_stack_traces()
    {
        using var rpctl = NativeBinary.Require();
        var env = new Dictionary<string, string>
        {
            ["RUNPOD_API_URL"] = _emulator.BaseAddress.ToString().TrimEnd('/'),
            ["RUNPOD_API_KEY"] = EmulatorFixture.NewApiKey(),
        };

        var created = await rpctl.RunAsync(env, "pod", "create", "--gpu", "4090", "--image", "img:1", "--ports", "8888/http,22/tcp", "-o", "yaml");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("status: PROVISIONING", created.Stdout);

        var notFound = await rpctl.RunAsync(env, "pod", "get", "zzzzzzzzzzzzzz");
        Assert.Equal(3, notFound.ExitCode);
        Assert.Equal("error: pod 'zzzzzzzzzzzzzz' not found\n", notFound.Stderr);

        var badValue = await rpctl.RunAsync(env, "pod", "create", "--gpu", "4090", "--image", "x", "--gpu-count", "many");
        Assert.Equal(2, badValue.ExitCode);
        Assert.Contains("--gpu-count", badValue.Stderr);
        Assert.DoesNotContain("   at ", badValue.Stderr);

        env["RUNPOD_API_KEY"] = "rpa_x";
        var rejected = await rpctl.RunAsync(env, "pod", "list", "--debug");
        Assert.Equal(4, rejected.ExitCode);
    }

    [Fact]
    public async Task Emulator_serve_prints_exports_and_serves_other_clients_until_interrupted()
    {
        using var rpctl = NativeBinary.Require();
        using var serve = Process.Start(rpctl.StartInfo(null, "emulator", "serve", "--port", "0", "--in-memory"))!;
        try
        {
            var urlLine = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            var keyLine = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.StartsWith("export RUNPOD_API_URL=http://127.0.0.1:", urlLine);
            Assert.StartsWith("export RUNPOD_API_KEY=", keyLine);

            var env = new Dictionary<string, string>
            {
                ["RUNPOD_API_URL"] = urlLine!["export RUNPOD_API_URL=".Length..],
                ["RUNPOD_API_KEY"] = keyLine!["export RUNPOD_API_KEY=".Length..],
            };
            var list = await rpctl.RunAsync(env, "pod", "list", "-o", "json");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Equal("[]", list.Stdout.Trim());

            using (var interrupt = Process.Start("kill", ["-INT", serve.Id.ToString()]))
                await interrupt.WaitForExitAsync();
            await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, serve.ExitCode);
        }
        finally
        {
            if (!serve.HasExited)
                serve.Kill();
        }
    }
}
