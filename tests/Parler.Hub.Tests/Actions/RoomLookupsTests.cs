using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Client;

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

    private readonly PostgresHubs _hubs = new("parler-room-lookups-");
    private readonly StoreHub _hub = new("parler-room-lookups-one-");

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
        var first = await _hubs.StartAsync();
        var second = await _hubs.StartAsync();
        var owner = _hubs.Client(first, "owner");
        var room = (await owner.CreateRoomAsync("cached", "channel", CancellationToken.None)).Id;
        var member = _hubs.Client(second, "member");
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

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Read_MemberRemovedOnTheSameHub_IsRefusedAtOnce(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("cached-read");
        var member = _hub.NewClient("reader");
        await member.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        (await member.ReadAsync(room, 0, null, 1, CancellationToken.None)).Events.Count.ShouldBe(1);

        await owner.DecideAsync(room, member.Identity.Id, "remove", CancellationToken.None);

        var refused = await Should.ThrowAsync<HubClientException>(() => member.ReadAsync(room, 0, null, 1, CancellationToken.None));
        refused.Code.ShouldBe("room_not_found");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Read_CursorPastTheHeadTheCacheKnows_IsAnsweredWithTheRecordsHead(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("cached-head");
        var known = (await owner.ReadAsync(room, 0, null, 1, CancellationToken.None)).Head;
        for (var i = 0; i < 3; i++)
        {
            await owner.PostMessageAsync(room, $"after the cache {i}", null, CancellationToken.None);
        }

        var first = await owner.ReadAsync(room, 0, null, 1, CancellationToken.None);
        var last = await owner.ReadAsync(room, known + 3, null, 10, CancellationToken.None);

        first.Head.ShouldBe(known + 3);
        first.More.ShouldBeTrue();
        last.Head.ShouldBe(known + 3);
        last.Events.ShouldBeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _hubs.DisposeAsync();
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
}
