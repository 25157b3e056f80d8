using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Round trips of the writer's transaction, the limit on its throughput. Each write runs in its own savepoint, but the
/// SAVEPOINT and the statements whose results nobody reads (inserts, upserts) wait here and go to the server in one batch
/// with the next query: usually the next write's first one, so a write costs one round trip. Statements of at most one
/// earlier write are carried into a write's batch, in front of its SAVEPOINT. When one of those fails, nothing of the
/// current write ran (PostgreSQL skips the rest of a failed batch): <see cref="EarlierWriteFailedException"/> names the
/// write that failed, which the writer rolls back alone to its own savepoint before running the current write again.
/// Statements run under the writer's <paramref name="stopping"/> token, not the caller's: a caller that gives up cannot
/// cancel a batch half sent, which would leave its write unsure whether its savepoint exists.
/// </summary>
internal sealed class PostgresPipeline(NpgsqlConnection connection, CancellationToken stopping)
{
    private readonly List<NpgsqlBatchCommand> _pending = [];
    private (int Write, string Savepoint) _current;
    private (int Write, string Savepoint) _carriedFrom;
    private int _carried;
    private bool _savepointPending;
    private bool _savepointSent;

    /// <summary>Starts write number <paramref name="write"/> of the batch; its savepoint has its own name.</summary>
    public void BeginWrite(int write)
    {
        _current = (write, $"w{write}");
        _savepointSent = false;
        _savepointPending = true;
        _pending.Add(new NpgsqlBatchCommand($"SAVEPOINT {_current.Savepoint}"));
    }

    /// <summary>Queues a statement whose result is not needed; it runs with the next query or flush.</summary>
    public void Defer(string sql, params object?[] parameters) => _pending.Add(Command(sql, parameters));

    /// <summary>Runs the queued statements and then the query, in one round trip, and reads the query's rows.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] parameters)
    {
        _pending.Add(Command(sql, parameters));
        await using var batch = TakeBatch(out var carried);
        var rows = new List<T>();
        await RunAsync(
            batch,
            carried,
            async () =>
            {
                await using var reader = await batch.ExecuteReaderAsync(stopping);
                while (reader.FieldCount == 0 && await reader.NextResultAsync(stopping))
                {
                    // Skips any result of the queued statements: the query's rows come last.
                }

                while (await reader.ReadAsync(stopping))
                {
                    rows.Add(read(reader));
                }
            });
        return rows;
    }

    public async Task<object?> ScalarAsync(string sql, params object?[] parameters) =>
        (await QueryAsync(sql, reader => reader.IsDBNull(0) ? null : reader.GetValue(0), parameters)).FirstOrDefault();

    /// <summary>
    /// Ends a write whose work succeeded. What it queued waits for the next write's first query; a write that ran no
    /// statement costs nothing. Only if an earlier write's statements still wait too are they all sent now.
    /// </summary>
    public async Task EndWriteAsync()
    {
        if (_savepointPending && _pending.Count == _carried + 1)
        {
            _pending.RemoveAt(_carried);
            _savepointPending = false;
            return;
        }

        if (_carried > 0)
        {
            await FlushAsync();
        }

        _carried = _pending.Count;
        _carriedFrom = _current;
        _savepointPending = false;
    }

    /// <summary>Sends whatever is queued (before the commit).</summary>
    public async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using var batch = TakeBatch(out var carried);
        await RunAsync(batch, carried, () => batch.ExecuteNonQueryAsync(stopping));
    }

    /// <summary>Undoes the current write: drops what it queued, and rolls back to its savepoint once that was sent.</summary>
    public async Task RollbackWriteAsync()
    {
        _pending.RemoveRange(_carried, _pending.Count - _carried);
        _savepointPending = false;
        if (_savepointSent)
        {
            await ExecuteAsync($"ROLLBACK TO SAVEPOINT {_current.Savepoint}");
        }
    }

    /// <summary>Undoes the earlier write an <see cref="EarlierWriteFailedException"/> named (its savepoint was sent before the failure).</summary>
    public Task RollbackEarlierAsync(EarlierWriteFailedException failure) =>
        ExecuteAsync($"ROLLBACK TO SAVEPOINT w{failure.Write}");

    private async Task RunAsync(NpgsqlBatch batch, int carried, Func<Task> run)
    {
        var carriedFrom = _carriedFrom.Write;
        try
        {
            await run();
        }
        catch (PostgresException ex) when (ex.SqlState is not (PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
            && ex.BatchCommand is { } failed && batch.BatchCommands.IndexOf(failed) is var at && at >= 0 && at < carried)
        {
            throw new EarlierWriteFailedException(carriedFrom, ex);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(stopping);
    }

    /// <summary>Takes everything queued; <paramref name="carried"/> of it, in front, belongs to an earlier write.</summary>
    private NpgsqlBatch TakeBatch(out int carried)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var command in _pending)
        {
            batch.BatchCommands.Add(command);
        }

        // Counted as sent before it runs: if the batch fails after the SAVEPOINT ran, the write must still roll back to it.
        _savepointSent |= _savepointPending;
        _savepointPending = false;
        carried = _carried;
        _carried = 0;
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
