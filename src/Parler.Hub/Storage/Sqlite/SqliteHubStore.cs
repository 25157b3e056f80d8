using System.Data.Common;
using System.Security.Cryptography;
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

    public Task<HubMeta> GetMetaAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_meta ?? throw new InvalidOperationException("The store is not initialised."));

    public async Task<IReadOnlyList<RecalledMemory>> RecallAsync(string scope, string query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await SqliteMemories.RecallAsync(connection, scope, query, limit, cancellationToken);
    }

    protected override string BlobInsertionOrder => "rowid";

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteQueries.Positional(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    protected override async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteQueries.Positional(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
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

    /// <summary>
    /// Keeps the mark beside the record right behind its commits (see <see cref="RecordMark"/>): each commit signals it,
    /// and it is rewritten at once on this loop, never on the writer's path; commits that land while it is written are
    /// counted by the next write. It trails the record by one small file write, so a WAL cut that loses acknowledged
    /// commits is noticed unless they were acknowledged in the last moment (well under a millisecond) before the crash.
    /// </summary>
    private async Task MarkLoopAsync()
    {
        try
        {
            while (await _markDue.Reader.WaitToReadAsync(_stopping.Token))
            {
                _markDue.Reader.TryRead(out _);
                WriteMark();
            }
        }
        catch (OperationCanceledException)
        {
            // The store is stopping; DisposeAsync writes the last mark.
        }
    }

    private void WriteMark()
    {
        var facts = Interlocked.Read(ref _committedFacts);
        if (facts == _markedFacts || _meta is null)
        {
            return;
        }

        try
        {
            var mark = new RecordMark(_meta.HubId, facts);
            if (_markFile is null)
            {
                _markFile = RecordMarkFile.Create(_path, mark);
            }
            else
            {
                _markFile.Write(mark);
            }

            _markedFacts = facts;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk: the mark stays behind (never ahead) and is written once there is room.
        }
    }

    /// <summary>A pooled reader; readers never block the writer in WAL mode, and busy waits follow DefaultTimeout.</summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HubMeta> LoadOrCreateMetaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var hubId = await ReadMetaAsync(connection, "hub_id", cancellationToken);
        var key = await ReadMetaAsync(connection, "challenge_key", cancellationToken);
        if (hubId is null || key is null)
        {
            hubId = "hub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await using var command = SqliteQueries.Command(
                connection,
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('hub_id', $id), ('challenge_key', $key), ('schema', '1')",
                ("$id", hubId), ("$key", key));
            await command.ExecuteNonQueryAsync(cancellationToken);
            hubId = (await ReadMetaAsync(connection, "hub_id", cancellationToken))!;
            key = (await ReadMetaAsync(connection, "challenge_key", cancellationToken))!;
        }

        return new HubMeta(hubId, Convert.FromBase64String(key));
    }

    private static async Task<string?> ReadMetaAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = SqliteQueries.Command(connection, "SELECT value FROM meta WHERE key = $key", ("$key", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
