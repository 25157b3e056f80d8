using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Features.Messages;

/// <summary>
/// messages.history: a room's facts after a cursor up to its head in one streamed answer, the same facts (byte for byte)
/// as messages.read pages them, on both stores, read a few facts per store read so the answer crosses pages.
/// </summary>
public sealed class HistoryTests : IAsyncLifetime
{
    private readonly StoreHub _hub = new("parler-history-") { HistoryPage = 3 };

    public static TheoryData<string> Stores => StoreHub.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task History_RoomOverSeveralStoreReads_AnswersWhatMessagesReadAnswers(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("history");
        for (var i = 0; i < 7; i++)
        {
            await owner.PostMessageAsync(room, $"message {i} \"quoted\" <é>", null, CancellationToken.None);
        }

        var token = (await owner.SignInAsync(CancellationToken.None)).Token;
        using var http = Http(token);
        var history = await GetAsync(http, $"/v1/rooms/{room}/history?after=2");
        var read = await GetAsync(http, $"/v1/rooms/{room}/messages?after=2&limit=500");

        history.GetProperty("events").GetRawText().ShouldBe(read.GetProperty("events").GetRawText());
        history.GetProperty("events").GetArrayLength().ShouldBe(7);
        history.GetProperty("room").GetString().ShouldBe(room);
        history.GetProperty("cursor").GetInt64().ShouldBe(read.GetProperty("cursor").GetInt64());
        history.GetProperty("head").GetInt64().ShouldBe(9);
        history.GetProperty("more").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task HistoryAsync_ClientReadsTheWholeRoom_SameFactsAsPagedReads(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("history-client");
        for (var i = 0; i < 4; i++)
        {
            await owner.PostMessageAsync(room, $"message {i}", null, CancellationToken.None);
        }

        var history = await owner.HistoryAsync(room, 0, CancellationToken.None);
        var read = await owner.ReadAsync(room, 0, null, 500, CancellationToken.None);

        history.Events.Select(e => (e.Seq, e.Hash, e.Data.ToString())).ShouldBe(read.Events.Select(e => (e.Seq, e.Hash, e.Data.ToString())));
        (history.Cursor, history.Head, history.More).ShouldBe((6L, 6L, false));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task History_AtTheHead_AnswersNoFacts(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("history-empty");

        var history = await owner.HistoryAsync(room, 2, CancellationToken.None);

        history.Events.ShouldBeEmpty();
        (history.Cursor, history.Head, history.More).ShouldBe((2L, 2L, false));
    }

    [Fact]
    public async Task History_CursorBeyondTheHead_IsRefusedAsABadCursor()
    {
        await _hub.StartAsync("sqlite");
        var (owner, room) = await _hub.RoomAsync("history-bad");

        var refused = await Should.ThrowAsync<HubClientException>(() => owner.HistoryAsync(room, 99, CancellationToken.None));

        refused.Code.ShouldBe("bad_cursor");
    }

    [Fact]
    public async Task History_NotAMember_IsRefusedAsRoomNotFound()
    {
        await _hub.StartAsync("sqlite");
        var (_, room) = await _hub.RoomAsync("history-closed");
        var stranger = _hub.NewClient("stranger");

        var refused = await Should.ThrowAsync<HubClientException>(() => stranger.HistoryAsync(room, 0, CancellationToken.None));

        refused.Code.ShouldBe("room_not_found");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private HttpClient Http(string token)
    {
        var http = new HttpClient { BaseAddress = _hub.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
