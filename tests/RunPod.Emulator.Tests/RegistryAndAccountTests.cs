using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json.Nodes;
using TestSupport;
using Xunit;

namespace RunPod.Emulator.Tests;

public sealed class RegistryAndAccountTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILXGDN/SclOozk1xsDztpmhGiKkkrfQB9SKoO8dSIQQZ me@example.com";
    private const string Rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 laptop";
    private readonly string _key = EmulatorFixture.NewApiKey();
    private HttpClient Client => emulator.Client(_key);

    private Task<ApiCall> GraphQl(string query, JsonObject? variables = null) =>
        ApiCall.Post(Client, "/graphql", new JsonObject { ["query"] = query, ["variables"] = variables ?? [] }.ToJsonString());

    [Fact]
    public async Task Registry_credentials_are_write_only_and_ids_are_cuid_like()
    {
        var created = await ApiCall.Post(Client, "/v2/registries", """{"name":"hub","username":"me","password":"s3cret-pw"}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Matches("^c[a-z0-9]{24}$", created.Json!["id"]!.GetValue<string>());
        Assert.Equal(["id", "name"], created.Json.AsObject().Select(p => p.Key));
        var id = created.Json["id"]!.GetValue<string>();
        foreach (var body in new[] { (await ApiCall.Get(Client, $"/v2/registries/{id}")).Body, (await ApiCall.Get(Client, "/v2/registries")).Body })
        {
            Assert.DoesNotContain("s3cret-pw", body);
            Assert.DoesNotContain("username", body);
            Assert.DoesNotContain("password", body);
        }
    }

    [Theory]
    [InlineData("""{"name":"hub","username":"me"}""", "missing properties: 'password'")]
    [InlineData("""{"name":"hub","username":"me","password":""}""", "$.password: length must be >= 1")]
    [InlineData("""{"name":"hub","username":"me","password":"x","email":"a"}""", "additional properties 'email'")]
    public async Task Registry_schema_violations_are_422(string body, string error)
    {
        var response = await ApiCall.Post(Client, "/v2/registries", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains(error, response.Body);
    }

    [Fact]
    public async Task Registry_used_by_a_pod_cannot_be_deleted_but_templates_just_lose_it()
    {
        var id = (await ApiCall.Post(Client, "/v2/registries", """{"name":"hub","username":"me","password":"pw"}""")).Json!["id"]!.GetValue<string>();
        var template = (await ApiCall.Post(Client, "/v2/templates", $$"""{"name":"t","image":"private/img","registry":"{{id}}"}""")).Json!["id"]!.GetValue<string>();
        var pod = (await ApiCall.Post(Client, "/v2/pods", $$$"""{"name":"p","image":"private/img","registry":"{{{id}}}","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""")).Json!["id"]!.GetValue<string>();

        var refused = await ApiCall.Delete(Client, $"/v2/registries/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains($"pod {pod}", refused.Body);

        await ApiCall.Delete(Client, $"/v2/pods/{pod}");
        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(Client, $"/v2/registries/{id}")).Status);
        Assert.Null((await ApiCall.Get(Client, $"/v2/templates/{template}")).Json!["registry"]);
    }

    [Fact]
    public async Task Registry_has_no_rest_update_and_graphql_updateRegistryAuth_keeps_id_and_name()
    {
        var id = (await ApiCall.Post(Client, "/v2/registries", """{"name":"hub","username":"me","password":"pw"}""")).Json!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await ApiCall.Patch(Client, $"/v2/registries/{id}", """{"password":"x"}""")).Status);

        var updated = await GraphQl("mutation($input: UpdateRegistryAuthInput!) { updateRegistryAuth(input: $input) { id name } }",
            new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["username"] = "me2", ["password"] = "new-pw" } });

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(id, updated.Json!["data"]!["updateRegistryAuth"]!["id"]!.GetValue<string>());
        Assert.Equal("hub", updated.Json["data"]!["updateRegistryAuth"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("new-pw", updated.Body);
    }

    [Fact]
    public async Task Request_log_keeps_only_a_hash_of_registry_passwords()
    {
        const string Secret = "S3cr3tP@ss";
        var id = (await ApiCall.Post(Client, "/v2/registries", $$"""{"name":"hub","username":"me","password":"{{Secret}}"}""")).Json!["id"]!.GetValue<string>();
        await GraphQl("mutation($input: SaveRegistryAuthInput!) { saveRegistryAuth(input: $input) { id } }",
            new JsonObject { ["input"] = new JsonObject { ["name"] = "hub2", ["username"] = "me", ["password"] = Secret } });
        await GraphQl($$"""mutation { saveRegistryAuth(input: {name: "hub3", username: "me", password: "{{Secret}}"}) { id } }""");
        await GraphQl("mutation($input: UpdateRegistryAuthInput!) { updateRegistryAuth(input: $input) { id } }",
            new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["username"] = "me", ["password"] = Secret } });
        await GraphQl($$"""mutation { updateRegistryAuth(input: {id: "{{id}}", username: "me", password:"{{Secret}}"}) { id } }""");
        await GraphQl($$"""mutation($pw: String!) { updateRegistryAuth(input: {id: "{{id}}", username: "me", password: $pw}) { id } }""",
            new JsonObject { ["pw"] = Secret });
        await ApiCall.Post(Client, "/v2/registries", $$$"""{"name":"hub4","username":"me","auth":{"PassWord":"{{{Secret}}}"}}"""); // any depth, any case

        var log = await emulator.Client().GetStringAsync("/_emulator/requests");

        Assert.DoesNotContain("S3cr3t", log);
        var hash = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Secret)))[..16];
        var mine = await EmulatorRequests.ListAsync(emulator, _key, "POST");
        Assert.Equal(7, mine.Count);
        Assert.All(mine, r => Assert.Contains(hash, r["body"]!.ToJsonString()));
        Assert.Equal(3, Regex.Count((await ApiCall.Get(Client, "/v2/registries")).Body, "\"id\"")); // the real passwords still reached the handlers
    }

    [Fact]
    public async Task UpdateRegistryAuth_for_an_unknown_id_is_a_graphql_error()
    {
        var updated = await GraphQl("""mutation { updateRegistryAuth(input: {id: "cnope", username: "u", password: "p"}) { id } }""");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Contains("resource not found", updated.Json!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delegations_literal_route_wins_over_registry_id()
    {
        var list = await ApiCall.Get(Client, "/v2/registries/delegations");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Empty(list.Json!["delegations"]!.AsArray());

        var created = await ApiCall.Post(Client, "/v2/registries/delegations", """{"resource":"arn:aws:ecr:us-east-2:418399314813:repository/runpod/deployment","name":"d"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("us-east-2", created.Json!["awsRegion"]!.GetValue<string>());
        Assert.Equal("runpod/deployment", created.Json["repository"]!.GetValue<string>());
        var id = created.Json["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, (await ApiCall.Post(Client, "/v2/registries/delegations", """{"resource":"not-an-arn"}""")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiCall.Delete(Client, $"/v2/registries/delegations/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiCall.Delete(Client, $"/v2/registries/delegations/{id}")).Status);
    }

    [Fact]
    public async Task Ssh_keys_put_replaces_the_whole_set_and_empty_clears_it()
    {
        Assert.Empty((await ApiCall.Get(Client, "/v2/account/ssh-keys")).Json!["keys"]!.AsArray());

        await ApiCall.Send(Client, HttpMethod.Put, "/v2/account/ssh-keys", new JsonObject { ["keys"] = new JsonArray(Ed25519, Rsa) }.ToJsonString());
        var replaced = await ApiCall.Send(Client, HttpMethod.Put, "/v2/account/ssh-keys", new JsonObject { ["keys"] = new JsonArray(Rsa) }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal([Rsa], (await ApiCall.Get(Client, "/v2/account/ssh-keys")).Json!["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        await ApiCall.Send(Client, HttpMethod.Put, "/v2/account/ssh-keys", """{"keys":[]}""");
        Assert.Empty((await ApiCall.Get(Client, "/v2/account/ssh-keys")).Json!["keys"]!.AsArray());
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("ssh-ed25519")]
    [InlineData("rsa AAAA comment")]
    [InlineData("ssh-ed25519 AAAA\n")]
    [InlineData("ssh-ed25519  AAAA")]
    public async Task Malformed_ssh_keys_are_422_with_the_contract_pattern(string key)
    {
        var response = await ApiCall.Send(Client, HttpMethod.Put, "/v2/account/ssh-keys", new JsonObject { ["keys"] = new JsonArray(Ed25519, key) }.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("$.keys[1]: does not match pattern", response.Body);
        Assert.Empty((await ApiCall.Get(Client, "/v2/account/ssh-keys")).Json!["keys"]!.AsArray());
    }

    [Fact]
    public async Task Myself_reports_balance_spend_of_live_pods_and_the_ssh_keys_as_pubKey()
    {
        await ApiCall.Send(Client, HttpMethod.Put, "/v2/account/ssh-keys", new JsonObject { ["keys"] = new JsonArray(Ed25519, Rsa) }.ToJsonString());
        await ApiCall.Post(Client, "/v2/pods", """{"name":"a","image":"x","gpu":{"id":"NVIDIA GeForce RTX 4090","count":2}}""");
        var stopped = (await ApiCall.Post(Client, "/v2/pods", """{"name":"b","image":"x","gpu":{"id":"NVIDIA GeForce RTX 4090"}}""")).Json!["id"]!.GetValue<string>();
        await emulator.AdvanceClockAsync(TimeSpan.FromMinutes(5));
        await ApiCall.Post(Client, $"/v2/pods/{stopped}/action", """{"action":"stop"}""");

        var me = (await GraphQl("query { myself { id email clientBalance currentSpendPerHr spendLimit pubKey } }")).Json!["data"]!["myself"]!;

        Assert.StartsWith("user_", me["id"]!.GetValue<string>());
        Assert.Contains("@", me["email"]!.GetValue<string>());
        Assert.Equal(100.0, me["clientBalance"]!.GetValue<double>());
        Assert.Equal(0.88, me["currentSpendPerHr"]!.GetValue<double>(), 3);
        Assert.Equal(80, me["spendLimit"]!.GetValue<int>());
        Assert.Equal(Ed25519 + "\n" + Rsa, me["pubKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateUserSettings_pubKey_is_the_same_set_as_rest()
    {
        var response = await GraphQl("mutation($k: String) { updateUserSettings(input: {pubKey: $k}) { id pubKey } }", new JsonObject { ["k"] = Ed25519 + "\n" + Rsa });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([Ed25519, Rsa], (await ApiCall.Get(Client, "/v2/account/ssh-keys")).Json!["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
    }
}
