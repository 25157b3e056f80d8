using Parler.Hub.Storage;
using Parler.Hub.Storage.Postgres;

namespace Parler.Hub.Tests.Storage;

/// <summary>The PostgreSQL writer's round trips per batch, and what happens after its commit.</summary>
public sealed partial class PostgresStoreTests
{
    [Fact]
    public async Task Batch_HintedPosts_RoundTripsDoNotGrowWithTheBatch()
    {
        await CreateRoomAsync("rm_a");
        var store = (PostgresHubStore)Store;

        var few = await PostBatchAsync(2);
        var many = await PostBatchAsync(40);

        many.ShouldBe(few);
        many.ShouldBe(2, "the locks, BEGIN and the read-ahead; the writes, COMMIT and the locks' release");
        var facts = await Store.ReadStreamAsync("rm_a", 0, 100, CancellationToken.None);
        facts.Count.ShouldBe(44);
        facts.Zip(facts.Skip(1)).ShouldAllBe(pair => pair.Second.Prev == pair.First.Hash && pair.Second.Seq == pair.First.Seq + 1);

        async Task<int> PostBatchAsync(int count)
        {
            var (release, holder) = await HoldWriterAsync();
            var writes = Enumerable.Range(0, count).Select(_ =>
            {
                var key = Guid.NewGuid().ToString("N");
                var hints = new WriteHints { Room = "rm_a", Idempotency = (Alice, key), Nonce = ("rm_a", key) };
                hints.AddWindow(new Parler.Hub.Limits.LimitRule("msg-agent", 1000, TimeSpan.FromMinutes(1), "posts", "wait"), Alice, Time);
                return Store.WriteAsync(
                    async (w, ct) =>
                    {
                        (await w.FindIdempotencyAsync(Alice, key, ct)).ShouldBeNull();
                        var room = (await w.GetRoomAsync("rm_a", ct))!;
                        await w.CountAsync("msg-agent:" + Alice, hints.Windows[0].WindowStart, 1, ct);
                        (await w.NonceSeenAsync(room.State.Id, key, ct)).ShouldBeFalse();
                        var fact = await w.AppendAsync("rm_a", Message(Alice, key), ct);
                        await w.SaveIdempotencyAsync(new IdempotencyRecord(Alice, key, "h", 201, "{}"), ct);
                        return fact.Seq;
                    },
                    hints,
                    CancellationToken.None);
            }).ToList();
            release.SetResult();
            await holder;
            await Task.WhenAll(writes);
            return store.LastBatchRoundTrips;
        }
    }
}
