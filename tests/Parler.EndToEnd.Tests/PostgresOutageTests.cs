using System.Net;
using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>
/// The PostgreSQL server goes away under a running hub (every connection reset, new ones refused) and comes back: requests
/// answer 503 unavailable (never 500 internal, no stack traces), the outage is logged once, and the hub recovers by itself.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-e2e-pgout-").FullName;
    private string _database = "";

    [Fact]
    public async Task Hub_PostgresStoppedThenBack_Answers503OnceLoggedThenRecovers()
    {
        var url = new Uri(_database);
        await using var gate = new TcpGate(FreePort.Pick(), new IPEndPoint(IPAddress.Parse(url.Host), url.Port));
        gate.Open();
        var gated = new UriBuilder(url) { Port = gate.Port }.Uri.ToString().Replace("postgresql://", "postgres://", StringComparison.Ordinal);
        await using var hub = await HubProcess.StartAsync(Path.Combine(_folder, "hub"), FreePort.Pick(), gated);
        using var alice = await HubApi.SignInAsync(new ParlerCli(Path.Combine(_folder, "alice"), hub.Url, "alice"));
        var created = await alice.PostAsync("/v1/rooms", new JsonObject { ["name"] = "outage" });
        created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        var room = created.Json["id"]!.GetValue<string>();
        (await alice.PostMessageAsync(room, "before", "before")).Status.ShouldBe(HttpStatusCode.Created);

        await gate.CloseAsync();
        for (var i = 0; i < 10; i++)
        {
            var post = await alice.PostMessageAsync(room, $"during-{i}", $"during-{i}").WaitAsync(Prompt);
            post.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, post.ToString());
            post.Code.ShouldBe("unavailable");
            post.Json["retryable"]!.GetValue<bool>().ShouldBeTrue();
            post.Detail!.ShouldContain("PostgreSQL");
            post.ShouldSayTheSameWait();
            var read = await alice.GetAsync($"/v1/rooms/{room}/messages?after=0").WaitAsync(Prompt);
            read.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, read.ToString());
            read.Code.ShouldBe("unavailable");
            read.ShouldSayTheSameWait();
        }

        var health = await alice.GetAsync("/health");
        health.Json["status"]!.GetValue<string>().ShouldBe("degraded", health.ToString());
        health.Json["code"]!.GetValue<string>().ShouldBe("unavailable");

        gate.Open();
        await LiveAgents.PollUntilAsync(() => TryPost(alice, room), Prompt, () => "a write committed after PostgreSQL came back\n" + hub.Process.Transcript());
        (await alice.GetAsync("/health")).Json["status"]!.GetValue<string>().ShouldBe("ok");
        var bodies = (await alice.GetAsync($"/v1/rooms/{room}/messages?after=0")).Json["events"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "message.posted").Select(e => e!["data"]!["body"]!.GetValue<string>()).ToList();
        bodies.ShouldBe(["before", "after"]);

        var errors = hub.Process.Errors;
        errors.Count(l => l.Contains("takes no writes", StringComparison.Ordinal)).ShouldBe(1, hub.Process.Transcript());
        errors.Count(l => l.Contains("takes writes again", StringComparison.Ordinal)).ShouldBe(1, hub.Process.Transcript());
        errors.ShouldNotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), hub.Process.Transcript());
        errors.ShouldNotContain(l => l.Contains("failed unexpectedly", StringComparison.Ordinal), hub.Process.Transcript());
    }

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(_database);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One idempotent post: true once it commits (a replay of a commit whose answer was lost counts too).</summary>
    private static bool TryPost(HubApi alice, string room)
    {
        var post = alice.PostMessageAsync(room, "after", "after-key", "after-nonce").GetAwaiter().GetResult();
        return post.Status is HttpStatusCode.Created or HttpStatusCode.OK;
    }
}
