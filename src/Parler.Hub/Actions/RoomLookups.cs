using System.Collections.Concurrent;
using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// Rooms the hub has read for access checks, by id, so a write to a room (a post) costs no read of the record before the
/// writer. A fact that changes a room's state raises <see cref="WakeKeys.StateOf"/> that room; a commit raising it (on this
/// hub, or on another hub of the same PostgreSQL database, announced by NOTIFY) drops the room before any reader is woken
/// for that commit and before its writer is answered. A lookup stamps its entry before it reads, so a change that lands
/// during the read is never hidden; entries also expire after <see cref="MaxAge"/>, bounding how long a lost notification
/// between hubs could keep a removed member's access. A cached room's head may be behind, so only writes use it (each
/// reloads the room inside the writer); reads, which answer the head, read the record and refresh the entry.
/// </summary>
internal sealed class RoomLookups(IHubStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, (RoomRecord Room, long Stamp, long At)> _rooms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _changed = new(StringComparer.Ordinal);
    private long _clock;
    private long _floor;

    /// <summary>Keys a commit raised: the rooms whose state changed are read again.</summary>
    public void Changed(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            if (key.StartsWith("state:", StringComparison.Ordinal))
            {
                if (_changed.Count >= MaxEntries)
                {
                    // Forget every change, then every entry stamped before the clear ended, so nothing stale survives it.
                    _changed.Clear();
                    Interlocked.Exchange(ref _floor, Interlocked.Increment(ref _clock));
                }

                _changed[key[6..]] = Interlocked.Increment(ref _clock);
            }
        }
    }

    /// <summary>The room, from what is known when <paramref name="cached"/> allows it, else from the record.</summary>
    public async Task<RoomRecord?> GetAsync(string roomId, bool cached, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (cached && _rooms.TryGetValue(roomId, out var known) && now - known.At < MaxAge.TotalMilliseconds
            && known.Stamp > Interlocked.Read(ref _floor)
            && (!_changed.TryGetValue(roomId, out var changed) || changed < known.Stamp))
        {
            return known.Room;
        }

        var stamp = Interlocked.Increment(ref _clock);
        var room = await store.GetRoomAsync(roomId, cancellationToken);
        if (room is not null)
        {
            if (_rooms.Count >= MaxEntries)
            {
                _rooms.Clear();
            }

            _rooms[roomId] = (room, stamp, now);
        }

        return room;
    }
}
