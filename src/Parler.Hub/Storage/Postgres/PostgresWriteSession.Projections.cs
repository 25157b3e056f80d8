using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage.Postgres;

/// <summary>The projection writes PostgreSQL does its own way: the room row it keeps while holding its head, and memory with its tsvector.</summary>
internal sealed partial class PostgresWriteSession
{
    public override Task SaveRoomAsync(RoomState state, long version, CancellationToken cancellationToken)
    {
        // Called for a fact just appended to the room's stream, so this transaction holds that head's lock.
        _lockedRooms.Set(_write, state.Id, _lockedHeads.TryGet(state.Id, out var head) ? new RoomRecord(state, head.Seq, head.Hash) : null);

        return base.SaveRoomAsync(state, version, cancellationToken);
    }

    public Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken)
    {
        if (memory.Key is not null)
        {
            _pipeline.Defer(PostgresMemories.DeleteKeyedSql, memory.Scope, memory.Key);
        }

        _pipeline.Defer(PostgresMemories.InsertSql, memory.Scope, memory.Key, memory.Author, memory.At, memory.Seq, memory.Text);
        return Task.CompletedTask;
    }
}
