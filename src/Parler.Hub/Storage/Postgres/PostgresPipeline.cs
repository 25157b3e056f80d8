using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Round trips of the writer's transaction, the limit on its throughput. The lock and BEGIN that open it, each write's
/// SAVEPOINT and the statements whose results nobody reads (inserts, upserts) wait here and go to the server in one batch
/// with the next query (the read-ahead), or with the COMMIT: writes that only query what the batch read ahead
/// (<see cref="WriteHints"/>) cost no round trip of their own. Every queued statement remembers its write. When one of
/// an earlier write fails, nothing after it in that batch ran (PostgreSQL skips the rest of a failed batch):
/// <see cref="EarlierWriteFailedException"/> names the write that failed, which the writer rolls back to its own
/// savepoint before running the writes after it again. Statements run under the writer's <paramref name="stopping"/>
/// token, not the caller's: a caller that gives up cannot cancel a batch half sent.
/// </summary>
internal sealed partial class PostgresPipeline(NpgsqlConnection connection, CancellationToken stopping)
{
    /// <summary>The owner of statements that belong to no write (a rollback, the quota windows): their failure fails the batch.</summary>
    private const int NoWrite = int.MaxValue;

    private readonly List<(NpgsqlBatchCommand Command, int Write)> _pending = [];
    private int _write = NoWrite;
    private bool _savepointSent;

    /// <summary>Result sets at the head of the queue that no reader wants (the writers' lock's row, see <see cref="Open"/>).</summary>
    private int _leadingResults;

    /// <summary>How many round trips this transaction made, from its lock to its commit (for tests and the profile).</summary>
    public int RoundTrips { get; private set; }

    /// <summary>Starts write number <paramref name="write"/> of the batch; its savepoint has its own name.</summary>
    public void BeginWrite(int write)
    {
        _write = write;
        _savepointSent = false;
        _pending.Add((new NpgsqlBatchCommand(Savepoint(write)), write));
    }

    /// <summary>Ends the current write. A write that queued nothing but its savepoint drops it: it costs nothing.</summary>
    public void EndWrite()
    {
        if (!_savepointSent && _pending.Count > 0 && _pending[^1].Write == _write && _pending[^1].Command.CommandText == Savepoint(_write))
        {
            _pending.RemoveAt(_pending.Count - 1);
        }

        _write = NoWrite;
    }

    /// <summary>Queues a statement whose result is not needed; it runs with the next query or flush.</summary>
    public void Defer(string sql, params object?[] parameters) => _pending.Add((Command(sql, parameters), _write));

    /// <summary>Runs the queued statements and then the query, in one round trip, and reads the query's rows.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        var rows = new List<T>();
        await ReadAsync([Command(sql, parameters)], async reader =>
        {
            while (await reader.ReadAsync(stopping))
            {
                rows.Add(read(reader));
            }
        });
        return rows;
    }

    /// <summary>
    /// Runs the queued statements and then <paramref name="queries"/> (of the current write), in one round trip;
    /// <paramref name="read"/> gets the reader on the first query's result set.
    /// </summary>
    public async Task ReadAsync(IEnumerable<NpgsqlBatchCommand> queries, Func<NpgsqlDataReader, Task> read)
    {
        _pending.AddRange(queries.Select(query => (query, _write)));
        var skip = _leadingResults;
        await using var batch = TakeBatch(out var owners);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(stopping);
            for (; skip > 0; skip--)
            {
                await reader.NextResultAsync(stopping);
            }

            while (reader.FieldCount == 0 && await reader.NextResultAsync(stopping))
            {
                // Skips any result of the queued statements: the queries' rows come last.
            }

            await read(reader);
        }
        catch (PostgresException ex) when (EarlierWrite(ex, batch, owners) is { } earlier)
        {
            throw new EarlierWriteFailedException(earlier, ex);
        }
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] parameters) =>
        (await QueryAsync(sql, reader => reader.IsDBNull(0) ? null : reader.GetValue(0), parameters)).FirstOrDefault();

    /// <summary>
    /// Undoes the current write: drops what it queued, and, once its savepoint was sent, queues the rollback to it (which
    /// runs first in the next round trip; PostgreSQL takes it even in a transaction a failed statement aborted).
    /// </summary>
    public void RollbackWrite()
    {
        _pending.RemoveAll(p => p.Write == _write);
        if (_savepointSent)
        {
            _pending.Add((new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT w{_write}"), NoWrite));
        }

        _write = NoWrite;
    }

    /// <summary>
    /// Undoes the earlier write an <see cref="EarlierWriteFailedException"/> named (its savepoint ran before the failure)
    /// and every write after it: nothing of theirs that was queued stays, and the rollback goes with the next round trip.
    /// </summary>
    public void RollbackEarlier(EarlierWriteFailedException failure)
    {
        _pending.RemoveAll(p => p.Write >= failure.Write && p.Write != NoWrite);
        _pending.Insert(0, (new NpgsqlBatchCommand($"ROLLBACK TO SAVEPOINT w{failure.Write}"), NoWrite));
        _write = NoWrite;
    }

    /// <summary>The earlier write whose statement failed, if the failure was one of an earlier write's statements.</summary>
    private int? EarlierWrite(PostgresException ex, NpgsqlBatch batch, int[] owners) =>
        ex.SqlState is not (PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
        && ex.BatchCommand is { } failed && batch.BatchCommands.IndexOf(failed) is var at && at >= 0
        && owners[at] < _write
            ? owners[at]
            : null;

    /// <summary>Takes everything queued, with the write each statement belongs to.</summary>
    private NpgsqlBatch TakeBatch(out int[] owners)
    {
        var batch = new NpgsqlBatch(connection);
        owners = new int[_pending.Count];
        for (var i = 0; i < _pending.Count; i++)
        {
            batch.BatchCommands.Add(_pending[i].Command);
            owners[i] = _pending[i].Write;
        }

        // Counted as sent before it runs: if the batch fails after the SAVEPOINT ran, the write must still roll back to it.
        _savepointSent |= _write != NoWrite && owners.Contains(_write);
        _pending.Clear();
        _leadingResults = 0;
        RoundTrips++;
        return batch;
    }

    private static string Savepoint(int write) => $"SAVEPOINT w{write}";

    internal static NpgsqlBatchCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
