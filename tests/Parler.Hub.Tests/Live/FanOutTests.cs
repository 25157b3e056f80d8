using Microsoft.Extensions.DependencyInjection;
using Parler.Hub.Live;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Live;

/// <summary>
/// The fan-out of a commit to a room's SSE streams: the committed facts are read from the store once for all of them (not
/// once per stream), and a stream checks its access again only when a fact that may end it lands, not after every batch.
/// </summary>
public sealed class FanOutTests : IAsyncLifetime
{
    private const int Streams = 8;
    private readonly StoreHub _hub = new("parler-fan-out-") { StreamKeepAlive = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Feed_ManyStreamsOfOneRoom_ReadEachCommitFromTheStoreOnce()
    {
        await _hub.StartAsync("sqlite");
        var (owner, room) = await _hub.RoomAsync("fan-out");
        var token = (await owner.SignInAsync(CancellationToken.None)).Token;
        var head = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
        using var http = new HttpClient { BaseAddress = _hub.Url, Timeout = Timeout.InfiniteTimeSpan };
        var streams = new List<SseReader>();
        for (var i = 0; i < Streams; i++)
        {
            streams.Add(await SseReader.OpenAsync(http, token, room, head));
        }

        // The first post brings every stream to a wake-up at the head; the second is the one counted.
        var first = (await owner.PostMessageAsync(room, "first", null, CancellationToken.None)).Seq;
        await Task.WhenAll(streams.Select(s => s.SeenAsync(first)));
        var before = Counters.StoreReads;

        var second = (await owner.PostMessageAsync(room, "second", null, CancellationToken.None)).Seq;
        await Task.WhenAll(streams.Select(s => s.SeenAsync(second)));

        (Counters.StoreReads - before).ShouldBe(1);
        streams.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Stream_PostsLand_ChecksAccessOnlyWhenOpenedAndWhenTheReaderLeaves()
    {
        await _hub.StartAsync("sqlite");
        var (owner, room) = await _hub.RoomAsync("checks");
        var reader = _hub.NewClient("reader");
        await reader.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        var token = (await reader.SignInAsync(CancellationToken.None)).Token;
        var head = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
        using var http = new HttpClient { BaseAddress = _hub.Url, Timeout = Timeout.InfiniteTimeSpan };
        using var stream = await SseReader.OpenAsync(http, token, room, head);
        var opened = Counters.AccessChecks;

        for (var post = 0; post < 10; post++)
        {
            var seq = (await owner.PostMessageAsync(room, $"post {post}", null, CancellationToken.None)).Seq;
            await stream.SeenAsync(seq);
        }

        Counters.AccessChecks.ShouldBe(opened);

        await reader.LeaveAsync(room, CancellationToken.None);
        await stream.EndedAsync();
        Counters.AccessChecks.ShouldBeGreaterThan(opened);
    }

    [Fact]
    public async Task Stream_BusierThanTheKeepAlive_StillPingsAndChecksAccess()
    {
        // Quotas off: this test posts as fast as the hub answers until the keep-alive fires.
        await _hub.StartAsync("sqlite", new Parler.Hub.Limits.HubLimits { MessagesPerAgentPerMinute = 0, MessagesPerRoomPerMinute = 0 });
        var (owner, room) = await _hub.RoomAsync("busy");
        var token = (await owner.SignInAsync(CancellationToken.None)).Token;
        var head = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
        using var http = new HttpClient { BaseAddress = _hub.Url, Timeout = Timeout.InfiniteTimeSpan };
        using var stream = await SseReader.OpenAsync(http, token, room, head);
        var opened = Counters.AccessChecks;
        var pinged = stream.PingedAsync();

        // Posts far more often than the keep-alive (1 s): a timeout restarted at every wake-up would never fire.
        var posts = 0;
        while (!pinged.IsCompleted)
        {
            var seq = (await owner.PostMessageAsync(room, $"post {posts++}", null, CancellationToken.None)).Seq;
            await stream.SeenAsync(seq);
        }

        await pinged;
        Counters.AccessChecks.ShouldBeGreaterThan(opened);
    }

    private LiveCounters Counters => _hub.Services.GetRequiredService<RoomSignals>().Feed.Counters;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hub.DisposeAsync().AsTask();
}
