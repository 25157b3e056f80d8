using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// A write's access check takes the room from the hub's cache; a fact that changes the room's members drops it, on the
/// hub that wrote it before the writer answers, and on another hub of the same PostgreSQL database when its NOTIFY
/// arrives (the hubs' clock stands still, so nothing else can end the cached room). A removed member's post is then
/// refused as room_not_found (404) before its signature is looked at; from a stale cache it would get signature_invalid (401).
/// </summary>
public sealed class RoomLookupsTests : IAsyncLifetime
{
    private static readonly string BadlySigned = Convert.ToBase64String(new byte[64]);

    private readonly string _folder = Directory.CreateTempSubdirectory("parler-room-lookups-").FullName;
    private readonly FakeTime _time = new();
    private readonly List<HubHost> _hubs = [];
    private readonly List<HubClient> _clients = [];
    private readonly StoreHub _hub = new("parler-room-lookups-one-");
    private string? _database;

    public static TheoryData<string> Stores => StoreHub.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Post_MemberRemovedOnTheSameHub_IsRefusedAtOnce(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("cached");
        var member = _hub.NewClient("member");
        await member.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        await member.PostMessageAsync(room, "in the room", null, CancellationToken.None);
        var token = (await member.SignInAsync(CancellationToken.None)).Token;
        using var http = new HttpClient { BaseAddress = _hub.Url };
        (await PostBadlySignedAsync(http, token, room)).ShouldBe(HttpStatusCode.Unauthorized);

        await owner.DecideAsync(room, member.Identity.Id, "remove", CancellationToken.None);

        (await PostBadlySignedAsync(http, token, room)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_MemberRemovedOnOneHub_IsRefusedOnTheOtherHubThatCachedTheRoom()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        var first = await StartAsync();
        var second = await StartAsync();
        var owner = Client(first, "owner");
        var room = (await owner.CreateRoomAsync("cached", "channel", CancellationToken.None)).Id;
        var member = Client(second, "member");
        await member.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        await member.PostMessageAsync(room, "in the room", null, CancellationToken.None);
        var token = (await member.SignInAsync(CancellationToken.None)).Token;
        using var there = new HttpClient { BaseAddress = second.Url };
        (await PostBadlySignedAsync(there, token, room)).ShouldBe(HttpStatusCode.Unauthorized);

        await owner.DecideAsync(room, member.Identity.Id, "remove", CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var status = HttpStatusCode.Unauthorized;
        while (status == HttpStatusCode.Unauthorized && !deadline.IsCancellationRequested)
        {
            status = await PostBadlySignedAsync(there, token, room);
        }

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
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

    /// <summary>A post whose signature cannot verify: refused before the writer, by access or by the signature check.</summary>
    private static async Task<HttpStatusCode> PostBadlySignedAsync(HttpClient http, string token, string room)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/rooms/{room}/messages");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = JsonContent.Create(new { body = "forged", nonce = Guid.NewGuid().ToString("N"), signature = BadlySigned });
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private HubClient Client(HubHost hub, string name)
    {
        var client = new HubClient(hub.Url, new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(_folder, name)), _time);
        _clients.Add(client);
        return client;
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
