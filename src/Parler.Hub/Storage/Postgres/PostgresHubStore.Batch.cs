using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>One batch transaction of the writer: each write in its own savepoint, statements pipelined (see PostgresPipeline).</summary>
internal sealed partial class PostgresHubStore
{
    private async Task<(List<(PendingWrite, Exception?)>, IReadOnlyCollection<string>)> CommitBatchAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, CancellationToken stopping)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, stopping);
        var session = new PostgresWriteSession(connection, _time, States, stopping);
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

        // The quota windows go with the last write's statements; if those fail, that write's charges are taken back and
        // the windows are sent again.
        await session.WriteQuotasAsync(stopping);
        try
        {
            await session.FlushAsync();
        }
        catch (EarlierWriteFailedException earlier)
        {
            errors[earlier.Write] = await session.RollbackEarlierAsync(earlier);
            await session.WriteQuotasAsync(stopping);
            await session.FlushAsync();
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
