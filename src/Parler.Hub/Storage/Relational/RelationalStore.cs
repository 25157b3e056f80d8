using System.Data.Common;
using Parler.Hub.Features.Auth;
using Parler.Hub.Features.Blobs;
using Parler.Hub.Features.Cards;
using Parler.Hub.Features.Messages;
using Parler.Hub.Features.Queues;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Storage.Relational;

/// <summary>
/// The reads of <see cref="IHubStore"/> that are the same SQL on every engine, written once over the engine's read port:
/// a pooled connection per query (<see cref="QueryAsync{T}"/>), placeholders $1… in every statement. An engine keeps
/// only what truly differs: recall, the writer and its commit strategy, live fan-out, migrations.
/// </summary>
internal abstract class RelationalStore
{
    /// <summary>Room states parsed once per version, filled only by committed reads.</summary>
    protected RoomStateCache States { get; } = new();

    /// <summary>The column that orders room_blobs rows by insertion (SQLite's rowid, PostgreSQL's identity).</summary>
    protected abstract string BlobInsertionOrder { get; }

    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> as $1… on a pooled connection and reads every row.</summary>
    protected abstract Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters);

    protected abstract Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters);

    public async Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
        (await QueryAsync(AuthSql.TokenByHash, StoreRows.ReadToken, cancellationToken, tokenHash)).SingleOrDefault();

    public async Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken) =>
        (await QueryAsync(RoomsSql.Room, r => StoreRows.ReadRoom(r, States, committed: true), cancellationToken, roomId)).SingleOrDefault();

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken) =>
        (await QueryAsync(
            WriteRecordsSql.FindIdempotency, r => StoreRows.ReadIdempotency(r, principal, key), cancellationToken, principal, key))
        .SingleOrDefault();

    public async Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        (await QueryAsync(QueuesSql.Job, StoreRows.ReadJob, cancellationToken, jobId)).SingleOrDefault();

    public async Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(QueuesSql.Worker, cancellationToken, queue, agentId) is not null;

    public Task<IReadOnlyList<string>> FindIdsAsync(IdSpace space, string prefix, string agentId, CancellationToken cancellationToken) =>
        QueryAsync(IdPrefixSql.For(space), r => r.GetString(0), cancellationToken, prefix, agentId);

    public Task<IReadOnlyList<JobRecord>> ListJobsAsync(
        string queue, string? sender, string? beforeJobId, int limit, CancellationToken cancellationToken) =>
        QueryAsync(QueuesSql.List, StoreRows.ReadJob, cancellationToken, queue, sender, beforeJobId, limit);

    public Task<IReadOnlyList<StoredFact>> ListRoomFilesAsync(string roomId, long beforeSeq, int limit, CancellationToken cancellationToken) =>
        QueryAsync(BlobsSql.RoomFiles, r => StoreRows.ReadFact(r, roomId), cancellationToken, roomId, beforeSeq, limit);

    public async Task<long> ReadCountAsync(string key, long windowStart, CancellationToken cancellationToken) =>
        await ScalarAsync(WriteRecordsSql.ReadWindow, cancellationToken, key, windowStart) is long used ? used : 0;

    public async Task<bool> IsBlobSharedAsync(string hash, CancellationToken cancellationToken) =>
        await ScalarAsync(BlobsSql.Shared, cancellationToken, hash) is not null;

    public async Task<bool> HasUploadedAsync(string agentId, string hash, CancellationToken cancellationToken) =>
        await ScalarAsync(BlobsSql.Uploaded, cancellationToken, agentId, hash) is not null;

    public async Task<(string Room, long Seq)?> FindBlobPostingAsync(string agentId, string hash, string? roomId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            BlobsSql.LatestPosting(BlobInsertionOrder), r => ((string Room, long Seq)?)(r.GetString(0), r.GetInt64(1)), cancellationToken, agentId, hash, roomId))
        .SingleOrDefault();

    /// <summary>
    /// Pages by seq within one stream. seq is assigned under the stream's head lock and a later seq cannot commit before
    /// an earlier one, so the committed seqs are always a prefix 1..head: a reader never skips a fact that commits late.
    /// (A global order, such as facts.position, has no such property; no reader pages by it.)
    /// </summary>
    public Task<IReadOnlyList<StoredFact>> ReadStreamAsync(string stream, long afterSeq, int limit, CancellationToken cancellationToken) =>
        QueryAsync(MessagesSql.ReadStream, r => StoreRows.ReadFact(r, stream), cancellationToken, stream, afterSeq, limit);

    /// <summary>
    /// A catch-up's read, each row written to the answer from its columns' UTF-8 as the reader reaches it, so a fact costs
    /// neither strings nor a record nor a serializer pass (<see cref="FactWire"/>). Rows past <paramref name="head"/>
    /// (committed since the caller's access check) are read but not written. SQLite steps its rows itself
    /// (<c>SqliteHubStore.History</c>) and comes here only when its record is busy.
    /// </summary>
    public virtual async Task<WrittenFacts> WriteStreamAsync(
        string stream, long afterSeq, long head, int limit, FactWire facts, CancellationToken cancellationToken)
    {
        var (count, last, beyond) = (0, afterSeq, false);
        await QueryAsync(
            MessagesSql.ReadStream,
            r =>
            {
                var seq = r.GetInt64(0);
                beyond |= seq > head;
                if (!beyond)
                {
                    facts.Write(
                        seq, Utf8(r, 1), r.GetInt64(2), Utf8(r, 3), Utf8(r, 4), Utf8(r, 5), Utf8(r, 6), Utf8(r, 7), Utf8(r, 8));
                    (count, last) = (count + 1, seq);
                }

                return true;
            },
            cancellationToken,
            stream,
            afterSeq,
            limit);
        return new WrittenFacts(count, last, beyond);

        // Both engines hand a text column over as its UTF-8.
        static byte[] Utf8(DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
    }

    public async Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        await ScalarAsync(MessagesSql.Cursor, cancellationToken, agentId, roomId) is long seq ? seq : 0;

    public async Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken) =>
        await ScalarAsync(AuthSql.AgentName, cancellationToken, agentId) as string;

    public Task<IReadOnlyList<(string AgentId, string Card)>> ListCardsAsync(CancellationToken cancellationToken) =>
        QueryAsync(CardsSql.List, r => (r.GetString(0), r.GetString(1)), cancellationToken);

    public Task<IReadOnlyList<RoomRecord>> FindRoomsByNameAsync(string agentId, string name, CancellationToken cancellationToken) =>
        QueryAsync(RoomsSql.ByName, r => StoreRows.ReadRoom(r, States, committed: true), cancellationToken, agentId, name);

    public Task<IReadOnlyList<RoomSummary>> ListRoomsAsync(string agentId, CancellationToken cancellationToken) =>
        QueryAsync(
            RoomsSql.List,
            r => new RoomSummary(StoreRows.ReadRoom(r, States, committed: true), r.GetString(5), r.GetInt64(6), r.GetInt64(7)),
            cancellationToken,
            agentId);
}
