using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Core.Protocol;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// Access ends at once: a read that waits re-checks its token and membership after it wakes and before it answers, so a
/// revoked token or a removed member never reads a fact committed after the revocation or removal. Raced 50 times on
/// each store.
/// </summary>
public sealed class AccessEndsTests : IAsyncLifetime
{
    private const int Rounds = 50;
    private readonly StoreHub _hub = new("parler-access-");

    public static TheoryData<string> Stores => StoreHub.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task LongPoll_TokenRevokedWhileWaiting_AnswersNothingPostedAfter(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("ending");
        var reader = _hub.NewClient("reader");
        await reader.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        var last = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
        using var http = new HttpClient { BaseAddress = _hub.Url };
        var leaks = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var token = (await reader.SignInAsync(CancellationToken.None)).Token;
            var poll = PollAsync(http, token, room, last);
            using (var revoke = Request(HttpMethod.Post, "/v1/auth/revoke", token))
            {
                revoke.Content = JsonContent.Create(new { });
                (await http.SendAsync(revoke)).StatusCode.ShouldBe(HttpStatusCode.Created);
            }

            last = (await owner.PostMessageAsync(room, $"after the revocation {round}", null, CancellationToken.None)).Seq;
            var (status, events) = await poll;
            status.ShouldNotBe(HttpStatusCode.InternalServerError);
            leaks.AddRange(events.Select(e => e.Seq));
        }

        leaks.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task LongPoll_MemberRemovedWhileWaiting_AnswersNothingSequencedAfterTheRemoval(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("ending");
        var code = (await owner.MintInviteAsync(room, null, Rounds, CancellationToken.None)).Code;
        using var http = new HttpClient { BaseAddress = _hub.Url };
        var leaks = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var member = _hub.NewClient($"member-{round}");
            await member.RedeemInviteAsync(code, CancellationToken.None);
            var token = (await member.SignInAsync(CancellationToken.None)).Token;
            var last = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
            var poll = PollAsync(http, token, room, last);

            // Removal and post go out together, so they often commit in one batch and wake the poll once.
            var removal = owner.DecideAsync(room, member.Identity.Id, "remove", CancellationToken.None);
            var post = owner.PostMessageAsync(room, $"after the removal {round}", null, CancellationToken.None);
            await Task.WhenAll(removal, post);
            var (status, events) = await poll;
            var removedAt = (await owner.ReadAsync(room, last, null, null, CancellationToken.None)).Events
                .Single(e => e.Type == "member.removed").Seq;

            status.ShouldNotBe(HttpStatusCode.InternalServerError);
            leaks.AddRange(events.Where(e => e.Seq > removedAt).Select(e => e.Seq));
        }

        leaks.ShouldBeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hub.DisposeAsync().AsTask();




    /// <summary>A raw long-poll with one token (the client library would sign in again on a refusal).</summary>
    private static async Task<(HttpStatusCode Status, IReadOnlyList<EventView> Events)> PollAsync(HttpClient http, string token, string room, long after)
    {
        using var request = Request(HttpMethod.Get, $"/v1/rooms/{room}/messages?after={after}&wait=30", token);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, []);
        }

        var read = await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.ReadEventsResponse);
        return (response.StatusCode, read!.Events);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
