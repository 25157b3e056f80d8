using Parler.Hub.Storage;

namespace Parler.Hub.Tests.Storage;

/// <summary>Readers following a stream while writers append: no fact may be skipped, whatever the commit order.</summary>
public abstract partial class StoreContract
{
    [Fact]
    public async Task ReadStream_FollowedWhileManyWritersAppend_NeverSkipsAFact()
    {
        await CreateRoomAsync("rm_a");
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await Store.WriteAsync((s, ct) => s.AppendAsync("rm_a", Message(Alice, $"w{w}-{i}"), ct), CancellationToken.None);
            }
        })).ToList();

        var seen = await FollowAsync(Store, "rm_a", 2 + (4 * 40), TimeSpan.FromSeconds(60));
        await Task.WhenAll(writers);

        seen.ShouldBe(Enumerable.Range(1, 2 + (4 * 40)).Select(i => (long)i));
    }

    /// <summary>
    /// What a live reader does: pages from its cursor again and again until it has <paramref name="total"/> facts. Every page
    /// must continue exactly where the last ended: a fact that commits late must not be skipped over.
    /// </summary>
    private protected static async Task<List<long>> FollowAsync(IHubStore store, string stream, int total, TimeSpan timeout)
    {
        var seen = new List<long>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var committed = new SemaphoreSlim(0);
        void Wake(IReadOnlyCollection<string> streams) => committed.Release();
        store.Committed += Wake;
        try
        {
            while (seen.Count < total)
            {
                clock.Elapsed.ShouldBeLessThan(timeout, $"followed {seen.Count} of {total} facts");
                var page = await store.ReadStreamAsync(stream, seen.Count == 0 ? 0 : seen[^1], 1000, CancellationToken.None);
                foreach (var fact in page)
                {
                    fact.Seq.ShouldBe((seen.Count == 0 ? 0 : seen[^1]) + 1, "a page skipped a seq");
                    seen.Add(fact.Seq);
                }

                if (page.Count == 0)
                {
                    await committed.WaitAsync(TimeSpan.FromSeconds(1));
                }
            }
        }
        finally
        {
            store.Committed -= Wake;
        }

        return seen;
    }
}
