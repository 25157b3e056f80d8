using System.Data.Common;
using Parler.Core.Facts;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The writer's view inside one batch transaction: appends facts and keeps the projections in step. Every statement goes
/// through the writer's compiled statements (<see cref="SqliteCommandCache"/>); the SQL both engines share is in
/// <see cref="RelationalWriteSession"/>.
/// </summary>
internal sealed class SqliteWriteSession(SqliteCommandCache commands, TimeProvider time, RoomStateCache cache)
    : RelationalWriteSession, IStoreWriter, IProjectionTarget
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Seq, string Hash)> _heads = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> TouchedStreams => _touched;

    /// <summary>Facts appended by the writes still standing in this batch (a write undone by its savepoint takes its own back).</summary>
    public int Appended { get; set; }

    /// <summary>
    /// Reads the room and keeps its head: the writer holds the record alone (BEGIN IMMEDIATE), so the append that usually
    /// follows needs no read of its own (kept in step with this session's appends; see <see cref="Forget"/>).
    /// </summary>
    public override async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = (await QueryAsync(RoomsSql.Room, r => StoreRows.ReadRoom(r, cache, committed: false), cancellationToken, roomId)).SingleOrDefault();
        if (room is not null)
        {
            _heads[roomId] = (room.Head, room.HeadHash);
        }

        return room;
    }

    /// <summary>A write rolled back: what this session knew of stream heads may have been undone with it.</summary>
    public void Forget() => _heads.Clear();

    public Task<int> SweepWindowsAsync(long startedBefore, int limit, CancellationToken cancellationToken) =>
        SqliteCounters.SweepAsync(commands, startedBefore, limit, cancellationToken);

    public Task<bool> NonceSeenAsync(string roomId, string nonce, CancellationToken cancellationToken) =>
        SqliteNonces.SeenAsync(commands, roomId, nonce, cancellationToken);

    public Task SaveMemoryAsync(MemoryRecord memory, CancellationToken cancellationToken) =>
        SqliteMemories.SaveAsync(commands, memory, cancellationToken);

    public async Task<StoredFact> AppendAsync(string stream, FactDraft draft, CancellationToken cancellationToken)
    {
        if (!_heads.TryGetValue(stream, out var known))
        {
            var rows = await QueryAsync("SELECT head, head_hash FROM streams WHERE stream = $1", r => (r.GetInt64(0), r.GetString(1)), cancellationToken, stream);
            known = rows.Count > 0 ? rows[0] : (0, FactHash.Genesis);
        }

        var (head, prev) = known;
        var seq = head + 1;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = FactHash.Compute(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev);
        var fact = new StoredFact(stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.Data, prev, hash);
        await ExecuteAsync(
            """
            INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
            INSERT INTO streams (stream, head, head_hash) VALUES ($1, $2, $10)
            ON CONFLICT (stream) DO UPDATE SET head = excluded.head, head_hash = excluded.head_hash;
            """,
            cancellationToken,
            stream, seq, draft.Type, at, draft.Actor, draft.Principal, draft.Authority, draft.CanonicalText, prev, hash);
        _heads[stream] = (seq, hash);
        await Projector.ApplyAsync(fact, this, cancellationToken);
        _touched.Add(stream);
        WakeKeys.Add(fact, _touched);
        Appended++;
        return fact;
    }

    protected override Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        commands.Bind(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var reader = await commands.Bind(sql, parameters).ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    protected override Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        commands.Bind(sql, parameters).ExecuteScalarAsync(cancellationToken);
}
