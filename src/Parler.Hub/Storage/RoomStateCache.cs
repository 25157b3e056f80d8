using System.Collections.Concurrent;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage;

/// <summary>
/// Parsed room states by room and version (the seq of the last fact that changed the state), so a post does not
/// re-read and re-parse a state that has not changed. Only committed states may be added: a version number can
/// be reused by a write that rolled back.
/// </summary>
internal sealed class RoomStateCache
{
    private readonly ConcurrentDictionary<string, (long Version, RoomState State)> _states = new(StringComparer.Ordinal);

    public RoomState? Get(string roomId, long version) =>
        _states.TryGetValue(roomId, out var entry) && entry.Version == version ? entry.State : null;

    public void AddCommitted(string roomId, long version, RoomState state) =>
        _states.AddOrUpdate(roomId, (version, state), (_, existing) => existing.Version > version ? existing : (version, state));
}
