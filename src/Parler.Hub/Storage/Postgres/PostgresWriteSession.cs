using System.Data.Common;
using Npgsql;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The writer's view inside one batch transaction (SERIALIZABLE): appends facts under their stream's head row lock
/// and keeps the projections in step. A conflict with another hub surfaces as a serialization failure and the batch is retried.
/// Statements go through <see cref="PostgresPipeline"/>, so a write costs few round trips: once this transaction holds a
/// stream's head lock, nobody else can append to that stream or change its room row until the commit, so the head and the
/// room are kept here and not read again. What the batch read ahead (<see cref="PostgresReadAhead"/>) and what its writes
/// changed since (heads, rooms, idempotency records, nonces) is kept per write and undone with a write's savepoint.
/// </summary>
internal sealed partial class PostgresWriteSession(NpgsqlConnection connection, TimeProvider time, RoomStateCache cache, CancellationToken stopping)
    : RelationalWriteSession, IStoreWriter, IProjectionTarget
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly PostgresPipeline _pipeline = new(connection, stopping);
    private readonly WriteLog<string, (long Seq, string Hash)> _lockedHeads = new(StringComparer.Ordinal);
    private readonly WriteLog<string, (long Seq, string Hash)> _movedHeads = new(StringComparer.Ordinal);
    private readonly WriteLog<string, RoomRecord?> _lockedRooms = new(StringComparer.Ordinal);
    private readonly WriteLog<(string Principal, string Key), IdempotencyRecord?> _idempotency = new();
    private readonly WriteLog<(string Room, string Nonce), bool> _nonces = new();
    private readonly WriteLog<string, bool> _noncesUnsure = new(StringComparer.Ordinal);
    private (string Room, string Nonce, int Write)? _checkedNonce;
    private int _write = WriteLog<string, bool>.Before;

    public IReadOnlyCollection<string> TouchedStreams => _touched;

    /// <summary>Round trips of this transaction so far, from its lock to its commit.</summary>
    public int RoundTrips => _pipeline.RoundTrips;

    /// <summary>Queues the writer's locks and BEGIN: they go with the first round trip (see <see cref="PostgresPipeline.Open"/>).</summary>
    public void Open(IReadOnlyList<NpgsqlBatchCommand> locks) => _pipeline.Open(locks);

    /// <summary>Reads what the batch's writes hinted, in one round trip (the transaction's first), before its first write.</summary>
    public async Task ReadAheadAsync(IEnumerable<WriteHints?> hints)
    {
        var ahead = PostgresReadAhead.Collect(hints);
        if (ahead.IsEmpty)
        {
            return;
        }

        await ahead.ReadAsync(_pipeline, cache, stopping);
        foreach (var room in ahead.LockedRooms)
        {
            _lockedHeads.Set(_write, room.State.Id, (room.Head, room.HeadHash));
            _lockedRooms.Set(_write, room.State.Id, room);
        }

        var found = ahead.Idempotency.ToDictionary(r => (r.Principal, r.Key));
        foreach (var key in ahead.IdempotencyKeys)
        {
            _idempotency.Set(_write, key, found.GetValueOrDefault(key));
        }

        foreach (var nonce in ahead.Nonces)
        {
            _nonces.Set(_write, nonce, ahead.SeenNonces.Contains(nonce));
        }

        var stored = ahead.StoredWindows.ToDictionary(w => (w.Key, w.WindowStart), w => w.Used);
        foreach (var window in ahead.Windows)
        {
            Quotas.Prime(window.Key, window.WindowStart, stored.GetValueOrDefault(window));
        }
    }

    public void BeginWrite(int write)
    {
        _pipeline.BeginWrite(write);

        // A write run again after an earlier one failed under it charges afresh.
        Quotas.UndoFrom(write);
        Quotas.BeginWrite(write);
        _write = write;
    }

    public void EndWrite() => _pipeline.EndWrite();

    /// <summary>Sends what is queued and commits, then <paramref name="after"/>, in one round trip (see <see cref="PostgresPipeline.CommitAsync"/>).</summary>
    public Task<PostgresException?> CommitAsync(IEnumerable<NpgsqlBatchCommand> after) => _pipeline.CommitAsync(after);

    /// <summary>Rolls back the earlier write that failed and every write after it, and returns its error.</summary>
    public Exception RollbackEarlier(EarlierWriteFailedException failure)
    {
        Undo(failure.Write);
        _pipeline.RollbackEarlier(failure);
        return failure.InnerException!;
    }

    /// <summary>Rolls the failed write back, and what this session learned or changed in it.</summary>
    public void RollbackWrite()
    {
        Undo(_write);
        _pipeline.RollbackWrite();
    }

    /// <summary>Reads the room and locks its stream's head in one round trip: the append that usually follows needs no more.</summary>
    public override async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        if (_lockedRooms.TryGet(roomId, out var known) && known is not null)
        {
            return known;
        }

        var room = (await _pipeline.QueryAsync(
            RoomsSql.Room + " FOR UPDATE OF s",
            reader => StoreRows.ReadRoom(reader, cache, committed: false), roomId)).SingleOrDefault();
        if (room is not null)
        {
            // An earlier write of this batch appended to the room: its head row moves only before the commit (WriteHeads).
            if (_movedHeads.TryGet(roomId, out var moved))
            {
                room = room with { Head = moved.Seq, HeadHash = moved.Hash };
            }

            _lockedHeads.Set(_write, roomId, (room.Head, room.HeadHash));
            _lockedRooms.Set(_write, roomId, room);
        }

        return room;
    }

    protected override Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        _pipeline.Defer(sql, parameters);
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters) =>
        _pipeline.QueryAsync(sql, read, parameters);

    protected override Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        _pipeline.ScalarAsync(sql, parameters);

    private void Undo(int write)
    {
        _lockedHeads.UndoFrom(write);
        _movedHeads.UndoFrom(write);
        _lockedRooms.UndoFrom(write);
        _idempotency.UndoFrom(write);
        _nonces.UndoFrom(write);
        _noncesUnsure.UndoFrom(write);
        Quotas.UndoFrom(write);
        _checkedNonce = null;
    }
}
