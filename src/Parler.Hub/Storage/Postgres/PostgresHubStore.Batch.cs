using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>One batch transaction of the writer: each write in its own savepoint, statements pipelined (see PostgresPipeline).</summary>
internal sealed partial class PostgresHubStore
{
    /// <summary>Round trips of the last committed batch (tests check they do not grow with the batch).</summary>
    internal int LastBatchRoundTrips { get; private set; }

    private async Task<(List<(PendingWrite, Exception?)>, IReadOnlyCollection<string>)> CommitBatchAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, CancellationToken stopping)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, stopping);
        var session = new PostgresWriteSession(connection, _time, States, stopping);
        await session.ReadAheadAsync(batch.Select(p => p.Hints));
        var errors = new Exception?[batch.Count];
        for (var i = 0; ;)
        {
            try
            {
                while (i < batch.Count)
                {
                    i = await RunWriteAsync(session, batch, errors, i, connection, stopping);
                }

                // The quota windows go with the last writes' statements; if one of those fails, the writes from it on are
                // run again, and their charges counted afresh.
                await session.WriteQuotasAsync(stopping);
                await session.FlushAsync();
                break;
            }
            catch (EarlierWriteFailedException earlier)
            {
                // Nothing after the failed statement ran: undo the write that failed, then run the writes after it again.
                errors[earlier.Write] = session.RollbackEarlier(earlier);
                Array.Clear(errors, earlier.Write + 1, batch.Count - earlier.Write - 1);
                i = earlier.Write + 1;
            }
        }

        await transaction.CommitAsync(stopping);
        LastBatchRoundTrips = session.RoundTrips + 1;
        return (batch.Select((pending, i) => (pending, errors[i])).ToList(), session.TouchedStreams);
    }

    /// <summary>Runs write <paramref name="i"/> in its savepoint and returns the next write to run.</summary>
    private static async Task<int> RunWriteAsync(
        PostgresWriteSession session, List<PendingWrite> batch, Exception?[] errors, int i, NpgsqlConnection connection, CancellationToken stopping)
    {
        // Savepoints are not released: a release costs a round trip and frees nothing (PostgreSQL keeps the
        // subtransaction's id either way). Each write's savepoint has its own name (see PostgresPipeline).
        session.BeginWrite(i);
        try
        {
            await batch[i].RunAsync(session);
            session.EndWrite();
        }
        catch (Exception ex) when (ex is not EarlierWriteFailedException && IsWriteError(ex, connection, stopping))
        {
            session.RollbackWrite();
            errors[i] = ex;
        }

        return i + 1;
    }

    /// <summary>An error of one write, undone by its savepoint; a conflict, a lost connection or a stop fails the whole batch.</summary>
    private static bool IsWriteError(Exception ex, NpgsqlConnection connection, CancellationToken stopping) =>
        ex is not PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        && !stopping.IsCancellationRequested && connection.State == ConnectionState.Open;

    private static bool IsConflict(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
}
