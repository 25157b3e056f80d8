using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Round trips of the writer's transaction, the limit on its throughput. Each write runs in its own savepoint, but the
/// SAVEPOINT and the statements whose results nobody reads (inserts, upserts) wait here and go to the server in one batch
/// with the write's next query, or at the end of the write. They never wait past their own write: an error in any of
/// them is the error of the write that made it, and is undone by rolling back to that write's own savepoint.
/// Statements run under the writer's <paramref name="stopping"/> token, not the caller's: a caller that gives up cannot
/// cancel a batch half sent, which would leave its write unsure whether its savepoint exists. Its write completes or rolls back.
/// </summary>
internal sealed class PostgresPipeline(NpgsqlConnection connection, CancellationToken stopping)
{
    private readonly List<NpgsqlBatchCommand> _pending = [];
    private int _writes;
    private string _savepoint = "";
    private bool _savepointSent;

    /// <summary>Starts a write. Its savepoint has its own name, so rolling it back can never undo an earlier write.</summary>
    public void BeginWrite()
    {
        _pending.Clear();
        _savepoint = "w" + _writes++;
        _savepointSent = false;
        _pending.Add(new NpgsqlBatchCommand($"SAVEPOINT {_savepoint}"));
    }

    /// <summary>Queues a statement whose result is not needed; it runs before the write's next query, or at its end.</summary>
    public void Defer(string sql, params object?[] parameters) => _pending.Add(Command(sql, parameters));

    /// <summary>Runs the queued statements and then the query, in one round trip, and reads the query's rows.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        await using var batch = TakeBatch();
        batch.BatchCommands.Add(Command(sql, parameters));
        await using var reader = await batch.ExecuteReaderAsync(stopping);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(stopping))
        {
            // Skips any result of the queued statements: the query's rows come last.
        }

        var rows = new List<T>();
        while (await reader.ReadAsync(stopping))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] parameters) =>
        (await QueryAsync(sql, reader => reader.IsDBNull(0) ? null : reader.GetValue(0), parameters)).FirstOrDefault();

    /// <summary>Ends a write that succeeded: sends what it still has queued. A write that ran no statement costs nothing.</summary>
    public async Task EndWriteAsync()
    {
        if (_pending.Count == 0 || (!_savepointSent && _pending.Count == 1))
        {
            _pending.Clear();
            return;
        }

        await using var batch = TakeBatch();
        await batch.ExecuteNonQueryAsync(stopping);
    }

    /// <summary>Undoes a write that failed: drops what it queued, and rolls back to its savepoint once that was sent.</summary>
    public async Task RollbackWriteAsync()
    {
        _pending.Clear();
        if (_savepointSent)
        {
            await using var command = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {_savepoint}", connection);
            await command.ExecuteNonQueryAsync(stopping);
        }
    }

    private NpgsqlBatch TakeBatch()
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var command in _pending)
        {
            batch.BatchCommands.Add(command);
        }

        // Counted as sent before it runs: if the batch fails after the SAVEPOINT ran, the write must still roll back to it.
        _savepointSent |= _pending.Count > 0;
        _pending.Clear();
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
