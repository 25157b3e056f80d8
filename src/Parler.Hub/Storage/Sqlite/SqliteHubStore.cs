using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Parler.Hub.Storage.Checks;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Readers use pooled connections; one writer loop owns the
/// write connection and commits whatever writes are queued together (group commit), each in its own savepoint,
/// so a failed write never takes its neighbours down and every acknowledged write is on disk.
/// </summary>
internal sealed partial class SqliteHubStore : RelationalStore, IHubStore
{
    private const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly bool _acceptNew;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteHubStore> _logger;
    private readonly WriteQueue _writes = new(MaxBatch, nameof(SqliteHubStore));
    private readonly CancellationTokenSource _stopping = new();
    private SqliteConnection? _writeConnection;
    private SqliteCommandCache? _writeCommands;
    private HubMeta? _meta;
    private long _committedFacts;
    private long _markedFacts = -1;
    private Task? _marking;
    private RecordMarkFile? _markFile;

    /// <summary>Set after each commit that appended facts; one slot, so commits during a mark write coalesce into the next.</summary>
    private readonly System.Threading.Channels.Channel<bool> _markDue =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite, SingleReader = true,
        });

    /// <summary>
    /// SQLite's multi-thread mode, set before the process opens its first database: no connection is ever used by two
    /// threads at once here (the writer loop owns its connection, each read takes its own from the pool), so SQLite's
    /// per-connection mutex, entered and left on every call in its default serialized mode, only costs: a fifth of a
    /// catch-up's CPU. Once any database is open the setting is refused, and SQLite stays serialized, which is safe.
    /// </summary>
    static SqliteHubStore()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

    /// <param name="acceptNew">--new: start a new record where one was expected (see <see cref="SqliteRecordGuard"/>).</param>
    public SqliteHubStore(string path, TimeProvider time, ILogger<SqliteHubStore> logger, bool acceptNew = false)
    {
        _path = path;
        _acceptNew = acceptNew;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _time = time;
        _logger = logger;
        Health = new StoreHealth(time, logger);
    }

    public event Action<IReadOnlyCollection<string>>? Committed;

    public StoreHealth Health { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var mark = await SqliteRecordGuard.BeforeOpenAsync(_path, _acceptNew, cancellationToken);
        _writeConnection = await OpenWriterAsync(cancellationToken);

        // The schema and the meta row in one transaction: a new record is one commit (one fsync), not one per table.
        await ExecuteAsync(_writeConnection, "BEGIN IMMEDIATE", cancellationToken);
        await SqliteMigrations.ApplyAsync(_writeConnection, _time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        _meta = await LoadOrCreateMetaAsync(_writeConnection, cancellationToken);
        await ExecuteAsync(_writeConnection, "COMMIT", cancellationToken);
        await using (var count = SqliteQueries.Command(_writeConnection, "SELECT COALESCE(SUM(head), 0) FROM streams"))
        {
            _committedFacts = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        SqliteRecordGuard.AfterOpen(_path, mark, _meta.HubId, _committedFacts, _acceptNew);
        WriteMark();
        _marking = Task.Run(MarkLoopAsync, CancellationToken.None);
        _writeCommands = new SqliteCommandCache(_writeConnection);
        _writes.Start(batch => CommitBatchAsync(batch, _stopping.Token));
    }

    /// <summary>The writer's connection. Every commit is fsynced before its writers are answered: an acknowledged write is on disk.</summary>
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.StopAsync();

        await _stopping.CancelAsync();
        if (_marking is not null)
        {
            await _marking;
            WriteMark();
        }

        _markFile?.Dispose();

        _stopping.Dispose();
        _writeCommands?.Dispose();
        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
