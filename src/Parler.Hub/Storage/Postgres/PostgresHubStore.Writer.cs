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

    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, null, cancellationToken);

    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, hints, cancellationToken);

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

            // Only the commit is guarded here: once it stands, what follows (the announcements, the answers) can neither
            // fail the batch, nor report the store failed, nor run it again.
            NpgsqlConnection? connection = null;
            (List<(PendingWrite, Exception?)> Outcomes, IReadOnlyCollection<string> Touched, string Unlock) committed;
            try
            {
                connection = await _source.OpenConnectionAsync(stopping);
                committed = await CommitLockedAsync(connection, batch, alone: attempt > 1, stopping);
                Health.Succeeded();
            }
            catch (PostgresException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                Log.BatchRetried(_logger, batch.Count, attempt, ex.SqlState);
                await DisposeQuietlyAsync(connection);
                continue;
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or IOException or TimeoutException)
            {
                // An outage is logged once per change of state (StoreHealth), not once per batch; every writer gets the
                // registered error and the next batch tries the server again.
                var (error, reason) = StoreFailure.Classify(ex) ?? (Errors.ErrorCodes.Unavailable, $"a commit failed ({ex.GetType().Name}: {ex.Message})");
                Health.Failed(error, reason);
                var failure = StoreFailure.ToHubException(error, reason);
                foreach (var pending in batch)
                {
                    pending.Fail(failure);
                }

                await DisposeQuietlyAsync(connection);
                return;
            }
            catch
            {
                await DisposeQuietlyAsync(connection);
                throw;
            }

            await AnswerAsync(connection, committed.Outcomes, committed.Touched, committed.Unlock, stopping);
            return;
        }
    }

    /// <summary>
    /// Takes the writers' lock (shared, or exclusive to run <paramref name="alone"/>) before the transaction's snapshot, and
    /// commits the batch. Returns the statement that releases the lock, for the caller to send once it has answered the writers.
    /// </summary>
    private async Task<(List<(PendingWrite, Exception?)> Outcomes, IReadOnlyCollection<string> Touched, string Unlock)> CommitLockedAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, bool alone, CancellationToken stopping)
    {
        var mode = alone ? "" : "_shared";
        var unlock = $"SELECT pg_advisory_unlock{mode}({WritersLockKey})";
        await PostgresQueries.ExecuteAsync(connection, $"SELECT pg_advisory_lock{mode}({WritersLockKey})", stopping);
        try
        {
            var (outcomes, touched) = await CommitBatchAsync(connection, batch, stopping);
            return (outcomes, touched, unlock);
        }
        catch when (connection.State == ConnectionState.Open)
        {
            await PostgresQueries.ExecuteAsync(connection, unlock, CancellationToken.None);
            throw;
        }
    }
}
