using Parler.Hub.Storage;

namespace Parler.Hub.Live;

/// <summary>
/// One room that SSE streams follow (<see cref="RoomFeed"/>): its last facts, rendered, and whether a commit has landed
/// since they were read. The tail is replaced whole, never changed, so streams read it without a lock.
/// </summary>
internal sealed class FollowedRoom(RoomFeed feed, string id, long startHead) : IDisposable
{
    private long _version;
    private long _loaded = -1;

    public string Id { get; } = id;

    /// <summary>Streams following the room (changed under the feed's lock).</summary>
    public int Streams { get; set; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The last seq read from the store, and the facts up to it that are kept.</summary>
    public FeedTail Tail { get; private set; } = new(startHead, []);

    /// <summary>Whether a commit landed since the last read (or none was made yet).</summary>
    public bool Stale => Volatile.Read(ref _loaded) != Volatile.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);

    /// <summary>Under <see cref="Gate"/>: reads what was committed after the tail's head and keeps the last facts.</summary>
    public async Task RefreshAsync(IHubStore store, CancellationToken cancellationToken)
    {
        // Taken before the read: a commit during it leaves the room stale, so the next wake-up reads again.
        var version = Volatile.Read(ref _version);
        if (version == Volatile.Read(ref _loaded))
        {
            return;
        }

        var added = new List<FeedEntry>();
        var head = Tail.Head;
        IReadOnlyList<StoredFact> facts;
        do
        {
            facts = await store.ReadStreamAsync(Id, head, RoomFeed.Page, cancellationToken);
            feed.Counters.StoreRead();
            foreach (var fact in facts)
            {
                added.Add(RoomFeed.Render(fact));
            }

            if (facts.Count > 0)
            {
                head = facts[^1].Seq;
            }
        }
        while (facts.Count == RoomFeed.Page && added.Count < RoomFeed.Kept);

        if (added.Count > 0)
        {
            var old = Tail.Entries;
            var keep = Math.Min(old.Length, RoomFeed.Kept - Math.Min(added.Count, RoomFeed.Kept));

            // Only a run without a gap is kept: the old entries must end where the new ones begin.
            if (keep > 0 && old[^1].Seq + 1 != added[0].Seq)
            {
                keep = 0;
            }

            Tail = new FeedTail(head, [.. old.AsSpan(old.Length - keep), .. added.Count > RoomFeed.Kept ? added[^RoomFeed.Kept..] : added]);
        }

        Volatile.Write(ref _loaded, facts.Count == RoomFeed.Page ? -1 : version);
    }

    public void Dispose() => feed.Unfollow(this);
}
