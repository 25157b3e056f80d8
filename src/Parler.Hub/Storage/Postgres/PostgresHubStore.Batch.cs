using System.Data;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// One batch transaction of the writer: each write in its own savepoint, statements pipelined (see PostgresPipeline). The
/// locks and BEGIN go with the read-ahead; the COMMIT and the locks' release with the last statements.
/// </summary>
internal sealed partial class PostgresHubStore
{
    /// <summary>Round trips of the last committed batch, from its lock to its release (tests check they do not grow with the batch).</summary>
    internal int LastBatchRoundTrips { get; private set; }

    /// <summary>Runs the batch in the transaction <paramref name="session"/> opens, commits it, and then sends <paramref name="unlock"/>.</summary>
    private async Task<List<(PendingWrite, Exception?)>> CommitBatchAsync(
        NpgsqlConnection connection, PostgresWriteSession session, List<PendingWrite> batch, string unlock, CancellationToken stopping)
    {
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

                // The quota windows and the moved heads go with the last writes' statements; if one of those fails, the
                // writes from it on are run again, and their charges and heads counted afresh.
                await session.WriteQuotasAsync(stopping);
                session.WriteHeads();
                if (await session.CommitAsync([new NpgsqlBatchCommand(unlock)]) is { } released)
                {
                    // The facts are committed; the connection is dropped after the answers, and its end lets the locks go.
                    Log.AnnounceFailed(_logger, released);
                    _dropWriter = true;
                }

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

        LastBatchRoundTrips = session.RoundTrips;
        return batch.Select((pending, i) => (pending, errors[i])).ToList();
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
