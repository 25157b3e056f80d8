using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

internal sealed partial class PostgresHubStore
{
    /// <summary>How often a batch that lost a conflict with another hub is run again before its writers are failed.</summary>
    private const int MaxAttempts = 5;

    /// <summary>
    /// The writer's own connection, kept from batch to batch (its prepared statements stay, and no pool reset runs before
    /// each batch); dropped when a batch fails on it or its locks could not be let go, and opened afresh for the next.
    /// </summary>
    private NpgsqlConnection? _writer;

    /// <summary>Set when a committed batch could not let its locks go: the connection is dropped, and its end lets them go.</summary>
    private bool _dropWriter;

    /// <summary>Batches run again after a conflict with another hub, since the start (for tests).</summary>
    internal int Retries { get; private set; }

    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, null, cancellationToken);

    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, hints, cancellationToken);

    /// <summary>
    /// Runs the batch until it commits (a batch that lost a conflict runs again alone, see <see cref="PostgresWriterLocks"/>). Writers are answered only after the commit: a batch that loses a serialization
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
            (List<(PendingWrite, Exception?)> Outcomes, IReadOnlyCollection<string> Touched) committed;
            try
            {
                if (_writer is { FullState: not ConnectionState.Open })
                {
                    await DropWriterAsync();
                }

                _writer ??= await _source.OpenConnectionAsync(stopping);
                committed = await CommitLockedAsync(_writer, batch, alone: attempt > 1, stopping);
                Health.Succeeded();
            }
            catch (PostgresException ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                // The batch was rolled back and its locks let go (CommitLockedAsync): the connection is kept.
                Log.BatchRetried(_logger, batch.Count, attempt, ex.SqlState);
                Retries++;
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

                await DropWriterAsync();
                return;
            }
            catch
            {
                await DropWriterAsync();
                throw;
            }

            await AnswerAsync(_writer, committed.Outcomes, committed.Touched, stopping);
            if (_dropWriter)
            {
                await DropWriterAsync();
            }

            return;
        }
    }

    /// <summary>
    /// Takes the writers' lock (shared, or exclusive to run <paramref name="alone"/>) and the hinted rooms' locks before the
    /// transaction's snapshot, commits the batch, and lets the locks go right after the commit (all in the batch's round
    /// trips, see PostgresPipeline).
    /// </summary>
    private async Task<(List<(PendingWrite, Exception?)> Outcomes, IReadOnlyCollection<string> Touched)> CommitLockedAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, bool alone, CancellationToken stopping)
    {
        const string unlock = PostgresWriterLocks.Release;
        var session = new PostgresWriteSession(connection, _time, States, stopping);
        session.Open(PostgresWriterLocks.Take(alone, batch.Select(p => p.Hints?.Room)));
        try
        {
            var outcomes = await CommitBatchAsync(connection, session, batch, unlock, stopping);
            return (outcomes, session.TouchedStreams);
        }
        catch when (connection.State == ConnectionState.Open)
        {
            // Whatever of the transaction and the lock the failure left (ROLLBACK and the release only warn when there is none).
            await using var undo = new NpgsqlBatch(connection) { BatchCommands = { new("ROLLBACK"), new(unlock) } };
            await undo.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }
}
