using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Actions;

/// <summary>A batch's quota tally: one read per window, charges counted in memory, a rolled-back write's charges taken back.</summary>
public sealed class QuotaTallyTests
{
    [Fact]
    public async Task ChargeAsync_OneWindowManyWrites_ReadsTheRecordOnceAndWritesTheSum()
    {
        var tally = new QuotaTally();
        var reads = 0;
        Task<long> Stored(string key, long window)
        {
            reads++;
            return Task.FromResult(40L);
        }

        var counts = new List<long>();
        for (var write = 0; write < 5; write++)
        {
            tally.BeginWrite(write);
            counts.Add(await tally.ChargeAsync("msg-room:r1", 60_000, 1, Stored));
        }

        reads.ShouldBe(1);
        counts.ShouldBe([41L, 42L, 43L, 44L, 45L]);
        tally.Unwritten().ShouldBe([("msg-room:r1", 60_000L, 5L)]);
    }

    [Fact]
    public async Task Undo_AnEarlierWrite_KeepsTheChargesOfTheWritesAfterIt()
    {
        var tally = new QuotaTally();
        for (var write = 0; write < 3; write++)
        {
            tally.BeginWrite(write);
            await tally.ChargeAsync("msg-agent:a", 0, 1, (_, _) => Task.FromResult(0L));
            await tally.ChargeAsync("msg-room:r", 0, 1, (_, _) => Task.FromResult(0L));
        }

        tally.Undo(1);
        tally.BeginWrite(3);
        var now = await tally.ChargeAsync("msg-room:r", 0, 0, (_, _) => Task.FromResult(0L));

        now.ShouldBe(2);
        tally.Unwritten().OrderBy(w => w.Key).ShouldBe([("msg-agent:a", 0L, 2L), ("msg-room:r", 0L, 2L)]);
    }
}
