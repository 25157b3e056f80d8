using Parler.Hub.Storage;

namespace Parler.Hub.Actions;

/// <summary>
/// Rooms the hub has read for access checks, by id, so a write to a room (a post) costs no read of the record before the
/// writer. A fact that changes a room's state raises <see cref="WakeKeys.StateOf"/> that room, and a commit raising it
/// drops the room (see <see cref="ChangeStampedCache{T}"/> for when and how long). Writes and reads take it from here; a
/// cached room's head may be behind, so a write reloads the room inside the writer, and a read that answers facts reads the
/// record again after reading them (<see cref="ActionCall.RecheckAccessAsync"/>, which refreshes the entry) and answers
/// that room's head; only streams, which start from the head, read the record first.
/// </summary>
internal sealed class RoomLookups(IHubStore store, TimeProvider time)
{
    private static readonly string StatePrefix = WakeKeys.StateOf("");

    private readonly ChangeStampedCache<RoomRecord> _rooms = new(time, room => room.Id);

    /// <summary>Keys a commit raised: the rooms whose state changed are read again.</summary>
    public void Changed(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            if (key.StartsWith(StatePrefix, StringComparison.Ordinal))
            {
                _rooms.Changed(key[StatePrefix.Length..]);
            }
        }
    }

    /// <summary>The room, from what is known when <paramref name="cached"/> allows it, else from the record.</summary>
    public Task<RoomRecord?> GetAsync(string roomId, bool cached, CancellationToken cancellationToken) =>
        _rooms.GetAsync(roomId, cached, ct => store.GetRoomAsync(roomId, ct), cancellationToken);
}
