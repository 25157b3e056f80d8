using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>Writes that share one batch transaction: a failed one is undone alone, and the next sees none of it.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task Write_RefusedAfterJoinInSameBatch_NextWriteSeesTheRoomWithoutIt()
    {
        await CreateRoomAsync("rm_a");
        var (release, holder) = await HoldWriterAsync();
        var refused = Store.WriteAsync<StoredFact>(
            async (w, ct) =>
            {
                await w.AppendAsync("rm_a", Joined(Bob, Roles.Member), ct);
                throw new InvalidOperationException("refused after the join");
            },
            CancellationToken.None);
        var next = Store.WriteAsync(
            async (w, ct) =>
            {
                var room = (await w.GetRoomAsync("rm_a", ct))!;
                var fact = await w.AppendAsync("rm_a", Message(Alice, "after"), ct);
                return (Member: room.State.ActiveMember(Bob), room.Head, fact.Seq, fact.Prev, room.HeadHash);
            },
            CancellationToken.None);
        release.SetResult();
        await holder;

        await Should.ThrowAsync<InvalidOperationException>(() => refused);
        var seen = await next;
        seen.Member.ShouldBeNull();
        seen.Head.ShouldBe(2);
        seen.Seq.ShouldBe(3);
        seen.Prev.ShouldBe(seen.HeadHash);
        (await Store.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None)).Select(f => f.Type)
            .ShouldBe([FactTypes.RoomCreated, FactTypes.MemberJoined, FactTypes.MessagePosted]);
    }

    [Fact]
    public async Task Batch_RoomReadAfterAnEarlierWriteAppended_SeesTheNewHead()
    {
        await CreateRoomAsync("rm_a");
        var (release, holder) = await HoldWriterAsync();

        // The first write appends without reading the room; the second reads it afresh in the same batch, then appends.
        var first = Store.WriteAsync((w, ct) => w.AppendAsync("rm_a", Message(Alice, "one"), ct), CancellationToken.None);
        var second = Store.WriteAsync(
            async (w, ct) =>
            {
                var room = (await w.GetRoomAsync("rm_a", ct))!;
                var fact = await w.AppendAsync("rm_a", Message(Alice, "two"), ct);
                return (room.Head, room.HeadHash, Fact: fact);
            },
            CancellationToken.None);
        release.SetResult();
        await holder;

        var one = await first;
        var seen = await second;
        seen.Head.ShouldBe(one.Seq);
        seen.HeadHash.ShouldBe(one.Hash);
        seen.Fact.Seq.ShouldBe(one.Seq + 1);
        var stored = (await Store.GetRoomAsync("rm_a", CancellationToken.None))!;
        stored.Head.ShouldBe(seen.Fact.Seq);
        stored.HeadHash.ShouldBe(seen.Fact.Hash);
    }

    [Fact]
    public async Task Write_StatementFailsAmongOthersInSameBatch_RollsBackAlone()
    {
        await CreateRoomAsync("rm_a");
        var (release, holder) = await HoldWriterAsync();

        // Writes 3 and 7 (the last) fail on their own statement, after their append; each write first reads, as a post does.
        var writes = Enumerable.Range(0, 8).Select(i => Store.WriteAsync(
            async (w, ct) =>
            {
                (await w.FindIdempotencyAsync(Alice, $"k{i}", ct)).ShouldBeNull();
                var fact = await w.AppendAsync("rm_a", Message(Alice, $"m{i}"), ct);
                await w.SaveIdempotencyAsync(new IdempotencyRecord(Alice, $"k{i}", "h", 201, "{}"), ct);
                if (i is 3 or 7)
                {
                    await w.SaveIdempotencyAsync(new IdempotencyRecord(Alice, $"k{i}", "h", 201, "{}"), ct);
                }

                return fact.Seq;
            },
            CancellationToken.None)).ToList();
        release.SetResult();
        await holder;

        await Should.ThrowAsync<Exception>(() => writes[3]);
        await Should.ThrowAsync<Exception>(() => writes[7]);
        var seqs = new List<long>();
        foreach (var write in writes.Where((_, i) => i is not (3 or 7)))
        {
            seqs.Add(await write);
        }

        seqs.ShouldBe([3L, 4L, 5L, 6L, 7L, 8L]);
        var bodies = (await Store.ReadStreamAsync("rm_a", 2, 100, CancellationToken.None)).Select(f => f.Read<MessagePosted>().Body);
        bodies.ShouldBe(["m0", "m1", "m2", "m4", "m5", "m6"]);
        (await Store.WriteAsync((w, ct) => w.FindIdempotencyAsync(Alice, "k3", ct), CancellationToken.None)).ShouldBeNull();
        (await Store.WriteAsync((w, ct) => w.FindIdempotencyAsync(Alice, "k4", ct), CancellationToken.None)).ShouldNotBeNull();
    }

    /// <summary>A write that keeps the writer busy until released, so the writes queued meanwhile share the next batch.</summary>
    private protected async Task<(TaskCompletionSource Release, Task Holder)> HoldWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Store.WriteAsync(
            async (_, ct) =>
            {
                started.SetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                return 0;
            },
            CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (release, holder);
    }
}
