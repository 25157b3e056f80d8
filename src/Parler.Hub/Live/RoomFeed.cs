using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Parler.Core.Protocol;
using Parler.Hub.Storage;

namespace Parler.Hub.Live;

/// <summary>
/// The fan-out of a room's commits to its SSE streams: after a commit, the first stream to wake reads the new facts from
/// the store once and renders each as its SSE event once; every other stream of the room takes the same bytes. A room
/// is followed only while it has streams, and keeps its last <see cref="Kept"/> facts; a stream further behind (a
/// catch-up, a slow reader) reads the store itself, as before.
/// </summary>
internal sealed class RoomFeed(IHubStore store)
{
    public const int Kept = 1024;

    /// <summary>The most facts one wake-up hands a stream, and reads per store read.</summary>
    public const int Page = 200;

    private readonly ConcurrentDictionary<string, FollowedRoom> _rooms = new(StringComparer.Ordinal);
    private readonly Lock _follow = new();

    /// <summary>The store reads of the followed rooms and the access checks of their streams.</summary>
    public LiveCounters Counters { get; } = new();

    /// <summary>Marks the rooms a commit touched as having more to read. Runs before the streams are woken.</summary>
    public void Changed(IReadOnlyCollection<string> streams)
    {
        foreach (var stream in streams)
        {
            if (_rooms.TryGetValue(stream, out var room))
            {
                room.Changed();
            }
        }
    }

    /// <summary>Follows a room for one stream until disposed; <paramref name="head"/> is where the room stood when the stream began.</summary>
    public FollowedRoom Follow(string roomId, long head)
    {
        lock (_follow)
        {
            var room = _rooms.GetOrAdd(roomId, id => new FollowedRoom(this, id, head));
            room.Streams++;
            return room;
        }
    }

    internal void Unfollow(FollowedRoom room)
    {
        lock (_follow)
        {
            if (--room.Streams == 0)
            {
                _rooms.TryRemove(room.Id, out _);
            }
        }
    }

    /// <summary>The facts after <paramref name="after"/> (at most a page), rendered; or null when they are older than what is kept.</summary>
    internal async Task<IReadOnlyList<FeedEntry>?> ReadAsync(FollowedRoom room, long after, CancellationToken cancellationToken)
    {
        if (room.Stale)
        {
            await room.Gate.WaitAsync(cancellationToken);
            try
            {
                await room.RefreshAsync(store, cancellationToken);
            }
            finally
            {
                room.Gate.Release();
            }
        }

        var (head, entries) = room.Tail;
        if (after >= head)
        {
            return [];
        }

        if (entries.Length == 0 || entries[0].Seq > after + 1)
        {
            return null;
        }

        var from = (int)(after + 1 - entries[0].Seq);
        return new ArraySegment<FeedEntry>(entries, from, Math.Min(Page, entries.Length - from));
    }

    /// <summary>Renders a fact as one SSE event (what <see cref="EventStream"/> writes).</summary>
    public static FeedEntry Render(StoredFact fact)
    {
        var text = new StringBuilder()
            .Append("id: ").Append(fact.Seq).Append("\nevent: fact\ndata: ")
            .Append(JsonSerializer.Serialize(fact.ToView(), ProtocolJsonContext.Default.EventView)).Append("\n\n");
        return new FeedEntry(fact.Seq, fact.Type, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
