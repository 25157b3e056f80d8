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
        _writes.EnqueueAsync(work, cancellationToken);

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
                var (outcomes, touched, unlock) = await CommitLockedAsync(connection, batch, alone: attempt > 1, stopping);
                Health.Succeeded();

                // Announced before the writers are answered: a caller that saw its revocation answered finds every cache told.
                if (touched.Count > 0)
                {
                    Committed?.Invoke(touched);
                }

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

                // One round trip releases the writers' lock and announces the commit to the other hubs.
                await _notifier.NotifyAsync(connection, touched, unlock, stopping);
                return;
            }
            catch (PostgresException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                Log.BatchRetried(_logger, batch.Count, attempt, ex.SqlState);
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

                return;
            }
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
