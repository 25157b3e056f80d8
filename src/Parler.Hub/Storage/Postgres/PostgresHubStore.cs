using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The team store: PostgreSQL, shared by any number of hubs. Like the embedded store, one writer loop per hub commits
/// the queued writes together (each in its own savepoint); the batch runs SERIALIZABLE and takes each stream's head row
/// lock before appending, so writers in different hubs are ordered per stream; a batch that loses a conflict runs again
/// alone (see <see cref="WritersLockKey"/>), so it cannot starve. After each
/// commit the touched streams are announced with NOTIFY, and every hub's listener raises <see cref="Committed"/>.
/// </summary>
internal sealed partial class PostgresHubStore : IHubStore
{
    /// <summary>Writes per transaction, each in a savepoint: beyond 64 subtransactions PostgreSQL's snapshots slow down for everyone.</summary>
    private const int MaxBatch = 64;

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresHubStore> _logger;
    private readonly WriteQueue _writes = new(MaxBatch, nameof(PostgresHubStore));
    private readonly CancellationTokenSource _stopping = new();
    private readonly RoomStateCache _states = new();
    private readonly PostgresNotifier _notifier;
    private HubMeta? _meta;
    private readonly string? _markBase;
    private readonly bool _acceptNew;
    private readonly string _database;

    /// <param name="markBase">Where this machine remembers the database's hub id (<see cref="Checks.PostgresRecordGuard"/>); null: not checked.</param>
    /// <param name="acceptNew">--new: serve a database that is not the remembered hub's.</param>
    public PostgresHubStore(string connectionString, TimeProvider time, ILogger<PostgresHubStore> logger, string? markBase = null, bool acceptNew = false)
    {
        _markBase = markBase;
        _acceptNew = acceptNew;
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _database = $"{target.Database} on {target.Host}:{target.Port}";
        // The writer tells which write of a pipelined batch failed by the failed statement (see PostgresPipeline).
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { IncludeFailedBatchedCommand = true });
        _time = time;
        _logger = logger;
        Health = new StoreHealth(time, logger);
        _notifier = new PostgresNotifier(_source, streams => Committed?.Invoke(streams), logger);
    }

    public event Action<IReadOnlyCollection<string>>? Committed;

    public StoreHealth Health { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await PostgresMigrations.ApplyAsync(_source, cancellationToken);
        await using (var connection = await _source.OpenConnectionAsync(cancellationToken))
        {
            var report = await Checks.RecordCheck.RunAsync(connection, sqlite: false, full: false, cancellationToken);
            if (!report.Sound)
            {
                throw new Checks.RecordDamagedException(
                    $"The PostgreSQL record is damaged, so the hub does not serve it:\n  {string.Join("\n  ", report.Problems)}\n" +
                    "Restore the database from a backup; 'parler hub check --db URL' gives the full report.");
            }
        }

        _meta = await LoadOrCreateMetaAsync(cancellationToken);
        await _notifier.StartAsync(cancellationToken);
        _writes.Start(batch => CommitWithRetriesAsync(batch, _stopping.Token));
    }

    public Task<HubMeta> GetMetaAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_meta ?? throw new InvalidOperationException("The store is not initialised."));

    public Task<TokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.FindTokenAsync(c, "token_hash", tokenHash, cancellationToken), cancellationToken);

    public Task<RoomRecord?> GetRoomAsync(string roomId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.GetRoomAsync(c, roomId, _states, committed: true, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<RecalledMemory>> RecallAsync(string scope, string query, int limit, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresMemories.RecallAsync(c, scope, query, limit, cancellationToken), cancellationToken);

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.GetJobAsync(c, jobId, cancellationToken), cancellationToken);

    public Task<bool> IsWorkerAsync(string queue, string agentId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.IsWorkerAsync(c, queue, agentId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> FindIdsAsync(IdSpace space, string prefix, string agentId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.ListAsync(c, IdPrefixSql.For(space), r => r.GetString(0), cancellationToken, prefix, agentId), cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListJobsAsync(
        string queue, string? sender, string? beforeJobId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            c => PostgresQueries.ListAsync(
                c,
                $"""
                SELECT {PostgresQueries.JobColumns} FROM jobs
                WHERE queue = $1 AND ($2::text IS NULL OR sender = $2::text)
                    AND ($3::text IS NULL OR id < (SELECT id FROM jobs WHERE job_id = $3::text))
                ORDER BY id DESC LIMIT $4
                """,
                StoreRows.ReadJob, cancellationToken, queue, sender, beforeJobId, limit),
            cancellationToken);

    public Task<IReadOnlyList<StoredFact>> ListRoomFilesAsync(string roomId, long beforeSeq, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            c => PostgresQueries.ListAsync(
                c,
                """
                SELECT f.seq, f.type, f.at, f.actor, f.principal, f.authority, f.data, f.prev, f.hash
                FROM room_blobs b JOIN facts f ON f.stream = b.room AND f.seq = b.seq
                WHERE b.room = $1 AND b.seq < $2 AND f.type IN ('file.posted', 'bundle.posted')
                ORDER BY b.seq DESC LIMIT $3
                """,
                reader => StoreRows.ReadFact(reader, roomId), cancellationToken, roomId, beforeSeq, limit),
            cancellationToken);

    public Task<long> ReadCountAsync(string key, long windowStart, CancellationToken cancellationToken) =>
        ReadAsync(
            async c => await PostgresQueries.ScalarAsync(c, "SELECT used FROM rate_windows WHERE key = $1 AND window_start = $2", cancellationToken, key, windowStart)
                is long used ? used : 0,
            cancellationToken);

    public Task<bool> IsBlobSharedAsync(string hash, CancellationToken cancellationToken) =>
        ReadAsync(async c => await PostgresQueries.ScalarAsync(c, Sqlite.SqliteBlobs.SharedSql, cancellationToken, hash) is not null, cancellationToken);

    public Task<bool> HasUploadedAsync(string agentId, string hash, CancellationToken cancellationToken) =>
        ReadAsync(
            async c => await PostgresQueries.ScalarAsync(c, "SELECT 1 FROM room_blobs WHERE room = $1 AND hash = $2 LIMIT 1", cancellationToken, agentId, hash)
                is not null,
            cancellationToken);

    public Task<(string Room, long Seq)?> FindBlobPostingAsync(string agentId, string hash, string? roomId, CancellationToken cancellationToken) =>
        ReadAsync(
            async c => (await PostgresQueries.ListAsync(
                c,
                """
                SELECT b.room, b.seq FROM room_blobs b
                JOIN members m ON m.room = b.room AND m.agent = $1 AND m.status = 'active'
                WHERE b.hash = $2 AND ($3::text IS NULL OR b.room = $3)
                ORDER BY b.id DESC LIMIT 1
                """,
                reader => ((string Room, long Seq)?)(reader.GetString(0), reader.GetInt64(1)), cancellationToken, agentId, hash, roomId))
                .SingleOrDefault(),
            cancellationToken);

    /// <summary>
    /// Pages by seq within one stream. seq is assigned under the stream's head lock and a later seq cannot commit before
    /// an earlier one, so the committed seqs are always a prefix 1..head: a reader never skips a fact that commits late.
    /// (A global order, such as facts.position, has no such property; no reader pages by it.)
    /// </summary>
    public Task<IReadOnlyList<StoredFact>> ReadStreamAsync(string stream, long afterSeq, int limit, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.ReadStreamAsync(c, stream, afterSeq, limit, cancellationToken), cancellationToken);

    public Task<long> GetCursorAsync(string agentId, string roomId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.GetCursorAsync(c, agentId, roomId, cancellationToken), cancellationToken);

    public Task<string?> GetAgentNameAsync(string agentId, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresQueries.GetAgentNameAsync(c, agentId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<(string AgentId, string Card)>> ListCardsAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            c => PostgresQueries.ListAsync(c, "SELECT agent, card FROM cards ORDER BY agent", r => (r.GetString(0), r.GetString(1)), cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<RoomRecord>> FindRoomsByNameAsync(string agentId, string name, CancellationToken cancellationToken) =>
        ReadAsync(
            c => PostgresQueries.ListAsync(
                c,
                $"SELECT {PostgresQueries.RoomColumns} FROM members m JOIN rooms r ON r.id = m.room JOIN streams s ON s.stream = r.id " +
                "WHERE m.agent = $1 AND m.status = 'active' AND r.name = $2",
                r => StoreRows.ReadRoom(r, _states, committed: true),
                cancellationToken,
                agentId, name),
            cancellationToken);

    public Task<IReadOnlyList<RoomSummary>> ListRoomsAsync(string agentId, CancellationToken cancellationToken) =>
        ReadAsync(
            c => PostgresQueries.ListAsync(
                c,
                """
                SELECT r.id, r.version, s.head, s.head_hash, r.state, m.role, COALESCE(c.seq, 0),
                       (SELECT COUNT(*) FROM facts f WHERE f.stream = r.id AND f.type = 'message.posted'
                            AND f.seq > COALESCE(c.seq, 0) AND f.actor <> m.agent)
                FROM members m
                JOIN rooms r ON r.id = m.room
                JOIN streams s ON s.stream = r.id
                LEFT JOIN cursors c ON c.agent = m.agent AND c.room = m.room
                WHERE m.agent = $1 AND m.status = 'active'
                ORDER BY r.name, r.id
                """,
                r => new RoomSummary(StoreRows.ReadRoom(r, _states, committed: true), r.GetString(5), r.GetInt64(6), r.GetInt64(7)),
                cancellationToken,
                agentId),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writes.StopAsync();

        await _stopping.CancelAsync();
        await _notifier.DisposeAsync();
        _stopping.Dispose();
        await _source.DisposeAsync();
    }

    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>Every hub on one database shares its hub id and challenge key, so a token or challenge from one is good at all.</summary>
    private async Task<HubMeta> LoadOrCreateMetaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        if (_markBase is not null)
        {
            var stored = await PostgresQueries.ScalarAsync(connection, "SELECT value FROM meta WHERE key = 'hub_id'", cancellationToken) as string;
            Checks.PostgresRecordGuard.Check(_markBase, stored, _database, _acceptNew);
        }

        await PostgresQueries.ExecuteAsync(
            connection,
            "INSERT INTO meta (key, value) VALUES ('hub_id', $1), ('challenge_key', $2) ON CONFLICT (key) DO NOTHING",
            cancellationToken,
            "hub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var values = (await PostgresQueries.ListAsync(
            connection, "SELECT key, value FROM meta WHERE key IN ('hub_id', 'challenge_key')",
            r => (r.GetString(0), r.GetString(1)), cancellationToken)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        if (_markBase is not null)
        {
            Checks.PostgresRecordGuard.Remember(_markBase, values["hub_id"]);
        }

        return new HubMeta(values["hub_id"], Convert.FromBase64String(values["challenge_key"]));
    }
}
