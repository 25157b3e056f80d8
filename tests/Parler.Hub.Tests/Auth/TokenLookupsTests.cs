using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Auth;

/// <summary>
/// Tokens are looked up once and then known, until a fact lands in their agent's stream: on this hub at once, on another
/// hub of the same PostgreSQL database as soon as its NOTIFY arrives (the hubs' clock stands still here, so only that
/// notification can end the cached token).
/// </summary>
public sealed class TokenLookupsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-token-lookups-").FullName;
    private readonly FakeTime _time = new();
    private readonly List<HubHost> _hubs = [];
    private readonly List<HubClient> _clients = [];
    private string? _database;

    [Fact]
    public async Task Token_RevokedOnOneHub_IsRefusedOnTheOtherHubThatKnewIt()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        var first = await StartAsync();
        var second = await StartAsync();
        var agent = new HubClient(first.Url, new AgentIdentity(AgentKey.Generate(), "agent"), new TokenCache(Path.Combine(_folder, "agent")), _time);
        _clients.Add(agent);
        var token = (await agent.SignInAsync(CancellationToken.None)).Token;
        using var there = new HttpClient { BaseAddress = second.Url };
        (await RoomsAsync(there, token)).ShouldBe(HttpStatusCode.OK);

        using (var revoke = new HttpRequestMessage(HttpMethod.Post, new Uri(first.Url, "/v1/auth/revoke")))
        {
            revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            revoke.Content = JsonContent.Create(new { });
            using var http = new HttpClient();
            (await http.SendAsync(revoke)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && !deadline.IsCancellationRequested)
        {
            status = await RoomsAsync(there, token);
        }

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<HttpStatusCode> RoomsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/rooms");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HubHost> StartAsync()
    {
        var hub = await HubHost.StartAsync(
            new HubOptions
            {
                Address = "127.0.0.1:0",
                DatabasePath = Path.Combine(_folder, $"hub{_hubs.Count}.db"),
                PostgresConnectionString = TestPostgres.ConnectionString(_database!),
            },
            _time,
            null,
            CancellationToken.None);
        _hubs.Add(hub);
        return hub;
    }
}
