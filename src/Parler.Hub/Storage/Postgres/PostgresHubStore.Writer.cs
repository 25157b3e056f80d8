using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

internal sealed partial class PostgresHubStore
{
    /// <summary>How often a batch that lost a conflict with another hub is run again before its writers are failed.</summary>
    private const int MaxAttempts = 5;

    /// <summary>
    /// The advisory lock that makes a retry win: every batch holds it shared while its transaction runs; a batch that lost a
    /// conflict runs again holding it exclusively, so it waits for the batches in flight and then runs alone. Without it two
    /// busy hubs writing one room could fail each other's batches forever.
    /// </summary>
    private const long WritersLockKey = 0x7061726c6573;

    public async Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresHubStore), "The hub is shutting down.");
        }

        return await pending.Result;
    }

    private async Task RunWriterAsync(CancellationToken stopping)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitWithRetriesAsync(batch, stopping);
            batch.Clear();
        }
    }

    /// <summary>
    /// Runs the batch until it commits. Writers are answered only after the commit: a batch that loses a serialization
    /// conflict is rolled back whole and every write in it runs again on fresh state (retrying is safe, nothing of it stayed).
    /// </summary>
    private async Task CommitWithRetriesAsync(List<PendingWrite> batch, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            foreach (var pending in batch.Where(p => p.CancellationToken.IsCancellationRequested))
            {
                pending.Cancel();
            }

            batch.RemoveAll(p => p.CancellationToken.IsCancellationRequested);
            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await using var connection = await _source.OpenConnectionAsync(stopping);
                var (outcomes, touched) = await CommitLockedAsync(connection, batch, alone: attempt > 1, stopping);
                foreach (var (pending, error) in outcomes)
                {
                    if (error is null)
                    {
                        pending.Complete();
                    }
                    else
                    {
                        pending.Fail(error);
                    }
                }

                if (touched.Count > 0)
                {
                    Committed?.Invoke(touched);
                    await _notifier.NotifyAsync(connection, touched, stopping);
                }

                return;
            }
            catch (PostgresException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                Log.BatchRetried(_logger, batch.Count, attempt, ex.SqlState);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or IOException or TimeoutException)
            {
                Log.BatchFailed(_logger, batch.Count, ex);
                foreach (var pending in batch)
                {
                    pending.Fail(ex);
                }

                return;
            }
        }
    }

    /// <summary>Takes the writers' lock (shared, or exclusive to run <paramref name="alone"/>) before the transaction's snapshot.</summary>
    private async Task<(List<(PendingWrite, Exception?)>, IReadOnlyCollection<string>)> CommitLockedAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, bool alone, CancellationToken stopping)
    {
        var mode = alone ? "" : "_shared";
        await PostgresQueries.ExecuteAsync(connection, $"SELECT pg_advisory_lock{mode}({WritersLockKey})", stopping);
        try
        {
            return await CommitBatchAsync(connection, batch, stopping);
        }
        finally
        {
            if (connection.State == ConnectionState.Open)
            {
                await PostgresQueries.ExecuteAsync(connection, $"SELECT pg_advisory_unlock{mode}({WritersLockKey})", CancellationToken.None);
            }
        }
    }

    private async Task<(List<(PendingWrite, Exception?)>, IReadOnlyCollection<string>)> CommitBatchAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, CancellationToken stopping)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, stopping);
        var session = new PostgresWriteSession(connection, _time, _states, stopping);
        var errors = new Exception?[batch.Count];
        for (var i = 0; i < batch.Count;)
        {
            // Savepoints are not released: a release costs a round trip and frees nothing (PostgreSQL keeps the
            // subtransaction's id either way). Each write's savepoint has its own name (see PostgresPipeline).
            session.BeginWrite(i);
            try
            {
                await batch[i].RunAsync(session);
                await session.EndWriteAsync();
                i++;
            }
            catch (EarlierWriteFailedException earlier)
            {
                // Nothing of write i ran: undo the earlier write alone, then run write i again.
                errors[earlier.Write] = await session.RollbackEarlierAsync(earlier);
            }
            catch (Exception ex) when (IsWriteError(ex, connection, stopping))
            {
                await session.RollbackWriteAsync();
                errors[i++] = ex;
            }
        }

        try
        {
            await session.FlushAsync();
        }
        catch (EarlierWriteFailedException earlier)
        {
            errors[earlier.Write] = await session.RollbackEarlierAsync(earlier);
        }

        await transaction.CommitAsync(stopping);
        return (batch.Select((pending, i) => (pending, errors[i])).ToList(), session.TouchedStreams);
    }

    /// <summary>An error of one write, undone by its savepoint; a conflict, a lost connection or a stop fails the whole batch.</summary>
    private static bool IsWriteError(Exception ex, NpgsqlConnection connection, CancellationToken stopping) =>
        ex is not PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        && !stopping.IsCancellationRequested && connection.State == ConnectionState.Open;

    private static bool IsConflict(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}
