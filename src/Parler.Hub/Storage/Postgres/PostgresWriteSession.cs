using System.Data.Common;
using Npgsql;
using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The writer's view inside one batch transaction (SERIALIZABLE): appends facts under their stream's head row lock
/// and keeps the projections in step. A conflict with another hub surfaces as a serialization failure and the batch is retried.
/// Statements go through <see cref="PostgresPipeline"/>, so a write costs few round trips: once this transaction holds a
/// stream's head lock, nobody else can append to that stream or change its room row until the commit, so the head and the
/// room are kept here and not read again (kept in step with this transaction's own appends; dropped when a write rolls back).
/// </summary>
internal sealed partial class PostgresWriteSession(NpgsqlConnection connection, TimeProvider time, RoomStateCache cache, CancellationToken stopping)
    : RelationalWriteSession, IStoreWriter, IProjectionTarget
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly PostgresPipeline _pipeline = new(connection, stopping);
    private readonly Dictionary<string, (long Seq, string Hash)> _lockedHeads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoomRecord> _lockedRooms = new(StringComparer.Ordinal);
    private int _write;

    public IReadOnlyCollection<string> TouchedStreams => _touched;

    public void BeginWrite(int write)
    {
        _pipeline.BeginWrite(write);

        // A write run again after an earlier one failed under it charges afresh.
        Quotas.Undo(write);
        Quotas.BeginWrite(write);
        _write = write;
    }

    public Task EndWriteAsync() => _pipeline.EndWriteAsync();

    public Task FlushAsync() => _pipeline.FlushAsync();

    /// <summary>Rolls back the earlier write that failed, and returns its error.</summary>
    public async Task<Exception> RollbackEarlierAsync(EarlierWriteFailedException failure)
    {
        _lockedHeads.Clear();
        _lockedRooms.Clear();
        Quotas.Undo(failure.Write);
        await _pipeline.RollbackEarlierAsync(failure);
        return failure.InnerException!;
    }

    /// <summary>Rolls the failed write back; what this session knew of heads and rooms may have been undone with it.</summary>
    public async Task RollbackWriteAsync()
    {
        _lockedHeads.Clear();
        _lockedRooms.Clear();
        Quotas.Undo(_write);
        await _pipeline.RollbackWriteAsync();
    }

    /// <summary>Reads the room and locks its stream's head in one round trip: the append that usually follows needs no more.</summary>
    public override async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        if (_lockedRooms.TryGetValue(roomId, out var known))
        {
            return known;
        }

        var room = (await _pipeline.QueryAsync(
            RoomsSql.Room + " FOR UPDATE OF s",
            reader => StoreRows.ReadRoom(reader, cache, committed: false), roomId)).SingleOrDefault();
        if (room is not null)
        {
            _lockedHeads[roomId] = (room.Head, room.HeadHash);
            _lockedRooms[roomId] = room;
        }

        return room;
    }

    /// <summary>No index on window_start (it would cost every charge): the scan is over a table the sweep keeps small.</summary>
    public async Task<int> SweepWindowsAsync(long startedBefore, int limit, CancellationToken cancellationToken) =>
        (int)(long)(await _pipeline.ScalarAsync(
            """
            WITH gone AS (
                DELETE FROM rate_windows WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM rate_windows WHERE window_start > 0 AND window_start < $1 LIMIT $2))
                RETURNING 1)
            SELECT count(*) FROM gone
            """,
            startedBefore, limit))!;

    /// <summary>Matches the expression and predicate of the facts_nonce index (migration 0005).</summary>
    public async Task<bool> NonceSeenAsync(string roomId, string nonce, CancellationToken cancellationToken) =>
        await _pipeline.ScalarAsync(
            """
            SELECT 1 FROM facts WHERE stream = $1 AND (data::jsonb ->> 'nonce') = $2
            AND type IN ('message.posted', 'handoff.posted', 'bundle.posted', 'file.posted') LIMIT 1
            """,
            roomId, nonce) is not null;

    public async Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken)
    {
        // The head row lock orders every writer of this stream, in this hub or another: seq is assigned under it.
        if (!_lockedHeads.TryGetValue(stream, out var head))
        {
            head = (await _pipeline.QueryAsync(
                "SELECT head, head_hash FROM streams WHERE stream = $1 FOR UPDATE",
                reader => (Seq: reader.GetInt64(0), Hash: reader.GetString(1)), stream)).SingleOrDefault();
        }

        var seq = head.Seq + 1;
        var prev = head.Hash ?? FactHash.Genesis;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = FactHash.Compute(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data.Canonical(), prev);
        var fact = new StoredFact(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev, hash);

        // A new stream has no row to lock: its first insert below holds the key, and a second hub's insert of it waits for us.
        _pipeline.Defer(
            """
            WITH fact AS (
                INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING stream, seq, hash)
            INSERT INTO streams (stream, head, head_hash) SELECT stream, seq, hash FROM fact
            ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash
            """,
            stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.CanonicalText, prev, hash);
        _lockedHeads[stream] = (seq, hash);
        if (_lockedRooms.TryGetValue(stream, out var room))
        {
            _lockedRooms[stream] = room with { Head = seq, HeadHash = hash };
        }

        await Projector.ApplyAsync(fact, this, cancellationToken);
        _touched.Add(stream);
        WakeKeys.Add(fact, _touched);
        return fact;
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
}
