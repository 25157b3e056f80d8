using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Core.Facts;
using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// Post quotas are counted per writer batch (<see cref="QuotaTally"/>) and written once per window before the commit:
/// many posts in one batch still meet the limit exactly, a refused write gives its charge back, and the count is in the
/// record, so a restart keeps it. On both stores.
/// </summary>
public sealed class BatchQuotaTests : IAsyncLifetime
{
    private readonly StoreHub _hub = new("parler-batchquota-");

    public static TheoryData<string> Stores => StoreHub.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PostMessage_ManyAuthorsAtOnce_RoomAdmitsExactlyItsLimitEvenAfterARestart(string store)
    {
        var limits = new HubLimits { MessagesPerRoomPerMinute = 10 };
        await _hub.StartAsync(store, limits);
        var owner = _hub.NewClient("owner");
        var room = (await owner.CreateRoomAsync("crowded", "channel", CancellationToken.None)).Id;
        var code = (await owner.MintInviteAsync(room, null, 30, CancellationToken.None)).Code;
        var authors = Enumerable.Range(0, 25).Select(i => _hub.NewClient($"author-{i}")).ToList();
        await Task.WhenAll(authors.Select(a => a.RedeemInviteAsync(code, CancellationToken.None)));

        var outcomes = await Task.WhenAll(authors.Select(a => OutcomeAsync(a.PostMessageAsync(room, "at once", null, CancellationToken.None))));
        await _hub.RestartAsync();
        var afterRestart = await OutcomeAsync(_hub.NewClient("owner", owner.Identity).PostMessageAsync(room, "after the restart", null, CancellationToken.None));
        _hub.Time.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await OutcomeAsync(_hub.NewClient("owner", owner.Identity).PostMessageAsync(room, "next minute", null, CancellationToken.None));

        outcomes.Count(o => o == "ok").ShouldBe(10);
        outcomes.Count(o => o == "rate_limited").ShouldBe(15);
        afterRestart.ShouldBe("rate_limited");
        nextMinute.ShouldBe("ok");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task PostMessage_ReplaysRefusedBesideNewPosts_ChargeNothing(string store)
    {
        await _hub.StartAsync(store, new HubLimits { MessagesPerAgentPerMinute = 6 });
        var author = _hub.NewClient("author");
        var room = (await author.CreateRoomAsync("replays", "channel", CancellationToken.None)).Id;
        await author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", Signed(author, room, "first", "nonce-first-1"), "key-first", CancellationToken.None);

        // Each replay is charged inside the writer, then refused by its nonce: its savepoint takes the charge back.
        var replays = Enumerable.Range(0, 10).Select(i => OutcomeAsync(
            author.CallAsync(HttpMethod.Post, $"/v1/rooms/{room}/messages", Signed(author, room, "first", "nonce-first-1"), $"key-replay-{i}", CancellationToken.None)));
        var posts = Enumerable.Range(0, 5).Select(i => OutcomeAsync(author.PostMessageAsync(room, $"new {i}", null, CancellationToken.None)));
        var outcomes = await Task.WhenAll(replays.Concat(posts));
        var overTheLimit = await OutcomeAsync(author.PostMessageAsync(room, "seventh", null, CancellationToken.None));

        // A replay charged once the posts have used the minute is refused for that first; either way it stores nothing.
        outcomes[..10].ShouldAllBe(o => o == "nonce_reused" || o == "rate_limited");
        outcomes[10..].ShouldAllBe(o => o == "ok");
        overTheLimit.ShouldBe("rate_limited");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hub.DisposeAsync().AsTask();

    private static async Task<string> OutcomeAsync<T>(Task<T> post)
    {
        try
        {
            await post;
            return "ok";
        }
        catch (HubClientException ex)
        {
            return ex.Code ?? "no code";
        }
    }

    private static JsonObject Signed(HubClient author, string room, string text, string nonce) => new()
    {
        ["body"] = text, ["nonce"] = nonce, ["signature"] = MessageSignature.Sign(author.Identity.Key, room, "text", text, nonce),
    };



}
