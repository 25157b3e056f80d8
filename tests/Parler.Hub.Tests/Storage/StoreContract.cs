using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>The storage contract, written once; each provider runs it through a subclass.</summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private protected const string Alice = "pa_alice";
    private protected const string Bob = "pa_bob";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("parler-store-").FullName;

    private protected FakeTime Time { get; } = new();

    private protected IHubStore Store { get; private set; } = null!;

    private protected abstract IHubStore Create();

    /// <summary>Runs before the first <see cref="Create"/>: a provider may make its database here.</summary>
    private protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Runs after the store is disposed: a provider may drop its database here.</summary>
    private protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        Store = Create();
        await Store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await CleanUpAsync();
        Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public async Task Append_SeveralFacts_GetGaplessSeqsChainedByHash()
    {
        await CreateRoomAsync("rm_a");
        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, "hello"), ct), CancellationToken.None);

        var facts = await Store.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None);

        facts.Select(f => f.Seq).ShouldBe([1L, 2L, 3L]);
        facts[0].Prev.ShouldBe(FactHash.Genesis);
        for (var i = 1; i < facts.Count; i++)
        {
            facts[i].Prev.ShouldBe(facts[i - 1].Hash);
        }

        foreach (var f in facts)
        {
            FactHash.Compute(f.Stream, f.Seq, f.Type, f.At, f.Actor, f.Principal, f.Authority, f.Data, f.Prev).ShouldBe(f.Hash);
        }
    }

    [Fact]
    public async Task Write_ManyConcurrentAppends_OneGaplessOrder()
    {
        await CreateRoomAsync("rm_a");
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, $"m{i}"), ct), CancellationToken.None)));

        var facts = await Store.ReadStreamAsync("rm_a", 0, 500, CancellationToken.None);

        facts.Select(f => f.Seq).ShouldBe(Enumerable.Range(1, 102).Select(i => (long)i));
        (await Store.GetRoomAsync("rm_a", CancellationToken.None))!.Head.ShouldBe(102);
    }

    [Fact]
    public async Task Write_OneRefusedAmongConcurrent_RollsBackAlone()
    {
        await CreateRoomAsync("rm_a");
        var writes = Enumerable.Range(0, 20).Select(i => Store.WriteAsync(
            async (w, ct) =>
            {
                await w.AppendAsync("rm_a", Message(Alice, $"m{i}"), ct);
                return i == 7 ? throw new InvalidOperationException("refused") : i;
            },
            CancellationToken.None)).ToList();

        await Should.ThrowAsync<InvalidOperationException>(() => writes[7]);
        foreach (var write in writes.Where((_, i) => i != 7))
        {
            await write;
        }

        var bodies = (await Store.ReadStreamAsync("rm_a", 2, 100, CancellationToken.None)).Select(f => f.Read<MessagePosted>().Body).ToList();
        bodies.Count.ShouldBe(19);
        bodies.ShouldNotContain("m7");
    }

    [Fact]
    public async Task Write_RefusedStateChange_NeverShowsInLaterReads()
    {
        await CreateRoomAsync("rm_a");
        (await Store.GetRoomAsync("rm_a", CancellationToken.None))!.State.ActiveCount.ShouldBe(1);
        await Should.ThrowAsync<InvalidOperationException>(() => Store.WriteAsync<StoredFact>(
            async (w, ct) =>
            {
                await w.AppendAsync("rm_a", Joined(Bob, Roles.Member), ct);
                (await w.GetRoomAsync("rm_a", ct))!.State.ActiveMember(Bob).ShouldNotBeNull();
                throw new InvalidOperationException("refused after the join");
            },
            CancellationToken.None));

        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Joined("pa_carol", Roles.Member), ct), CancellationToken.None);
        var room = (await Store.GetRoomAsync("rm_a", CancellationToken.None))!;

        room.State.ActiveMember(Bob).ShouldBeNull();
        room.State.ActiveMember("pa_carol").ShouldNotBeNull();
        room.Head.ShouldBe(3);
    }

    [Fact]
    public async Task Committed_AfterWrite_NamesTheStream()
    {
        var committed = new TaskCompletionSource<IReadOnlyCollection<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.Committed += streams => committed.TrySetResult(streams.ToList());

        await CreateRoomAsync("rm_a");

        (await committed.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldContain("rm_a");
    }

    [Fact]
    public async Task ListRooms_WithCursor_CountsOthersUnreadMessages()
    {
        await CreateRoomAsync("rm_a");
        await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Joined(Bob, Roles.Member), ct), CancellationToken.None);
        foreach (var (author, body) in new[] { (Alice, "1"), (Alice, "2"), (Bob, "3"), (Alice, "4") })
        {
            await Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(author, body), ct), CancellationToken.None);
        }

        await Store.WriteAsync(
            (w, ct) => w.AppendAsync(Bob, FactDraft.Of(new CursorAdvanced("rm_a", 4), Bob, Bob, "tok"), ct),
            CancellationToken.None);

        var bobs = (await Store.ListRoomsAsync(Bob, CancellationToken.None)).Single();
        bobs.Cursor.ShouldBe(4);
        bobs.Unread.ShouldBe(2);
        bobs.Room.State.ActiveCount.ShouldBe(2);
        (await Store.ListRoomsAsync(Alice, CancellationToken.None)).Single().Unread.ShouldBe(1);
    }

    [Fact]
    public async Task Tokens_IssuedThenRevoked_AreFoundByHashAndMarked()
    {
        await Store.WriteAsync(
            (w, ct) => w.AppendAsync(Alice, FactDraft.Of(new TokenIssued("tok_1", "hash1", "c1", 5000), Alice, Alice, "signature"), ct),
            CancellationToken.None);
        (await Store.FindTokenAsync("hash1", CancellationToken.None))!.Revoked.ShouldBeFalse();

        await Store.WriteAsync(
            async (w, ct) =>
            {
                (await w.ChallengeUsedAsync("c1", ct)).ShouldBeTrue();
                return await w.AppendAsync(Alice, FactDraft.Of(new TokenRevoked("tok_1"), Alice, Alice, "tok_1"), ct);
            },
            CancellationToken.None);

        var token = await Store.FindTokenAsync("hash1", CancellationToken.None);
        token!.Revoked.ShouldBeTrue();
        token.AgentId.ShouldBe(Alice);
    }

    [Fact]
    public async Task Idempotency_Saved_IsFoundWithinLaterWrites()
    {
        await Store.WriteAsync(
            async (w, ct) =>
            {
                await w.SaveIdempotencyAsync(new IdempotencyRecord(Alice, "k1", "h", 201, "{\"a\":1}"), ct);
                return 0;
            },
            CancellationToken.None);

        var found = await Store.WriteAsync((w, ct) => w.FindIdempotencyAsync(Alice, "k1", ct), CancellationToken.None);

        found!.Response.ShouldBe("{\"a\":1}");
        (await Store.WriteAsync((w, ct) => w.FindIdempotencyAsync(Bob, "k1", ct), CancellationToken.None)).ShouldBeNull();
    }

    private protected async Task CreateRoomAsync(string roomId)
    {
        await Store.WriteAsync(
            async (w, ct) =>
            {
                await w.AppendAsync(roomId, FactDraft.Of(new RoomCreated("team", "channel"), Alice, Alice, "tok"), ct);
                return await w.AppendAsync(roomId, Joined(Alice, Roles.Owner), ct);
            },
            CancellationToken.None);
    }

    /// <summary>A time (unix ms, the year 3000) that never comes; a fact's integers stay within 2^53, where JSON holds them exactly.</summary>
    private protected const long FarFuture = 32_503_680_000_000;

    private protected static FactDraft Joined(string agent, string role) =>
        FactDraft.Of(new MemberJoined(agent, agent, role), agent, agent, "tok");

    private protected static FactDraft Message(string author, string body) =>
        FactDraft.Of(new MessagePosted("text", body, "n"), author, author, "tok");
}
