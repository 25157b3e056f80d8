using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The team store: PostgreSQL, shared by any number of hubs. Like the embedded store, one writer loop per hub commits
/// the queued writes together (each in its own savepoint); the batch runs SERIALIZABLE and takes each stream's head row
/// lock before appending, so writers in different hubs are ordered per stream; a batch that loses a conflict runs again
/// alone (see <see cref="PostgresWriterLocks"/>), so it cannot starve. After each
/// commit the touched streams are announced with NOTIFY, and every hub's listener raises <see cref="Committed"/>.
/// </summary>
internal sealed partial class PostgresHubStore : RelationalStore, IHubStore
{
    /// <summary>Writes per transaction, each in a savepoint: beyond 64 subtransactions PostgreSQL's snapshots slow down for everyone.</summary>
    private const int MaxBatch = 64;

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresHubStore> _logger;
    private readonly WriteQueue _writes = new(MaxBatch, nameof(PostgresHubStore));
    private readonly CancellationTokenSource _stopping = new();
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

    public Task<IReadOnlyList<RecalledMemory>> RecallAsync(string scope, string query, int limit, CancellationToken cancellationToken) =>
        ReadAsync(c => PostgresMemories.RecallAsync(c, scope, query, limit, cancellationToken), cancellationToken);

    protected override string BlobInsertionOrder => "id";

    protected override Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters) =>
        ReadAsync(c => PostgresQueries.ListAsync(c, sql, read, cancellationToken, parameters), cancellationToken);

    protected override Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters) =>
        ReadAsync(c => PostgresQueries.ScalarAsync(c, sql, cancellationToken, parameters), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writes.StopAsync();
        await DropWriterAsync();

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
