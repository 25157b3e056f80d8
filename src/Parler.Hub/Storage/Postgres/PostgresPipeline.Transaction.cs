using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// The ends of the writer's transaction, folded into the round trips its statements make anyway: the lock and BEGIN go
/// with the first query (the read-ahead), COMMIT and what follows it (the locks' release) with the last statements. A
/// batch whose writes only use what it read ahead makes two round trips to its answers.
/// </summary>
internal sealed partial class PostgresPipeline
{
    /// <summary>
    /// Queues what opens the transaction: <paramref name="locks"/> (each one row no reader wants) run on their own, each
    /// ended by an error barrier, so they are granted before BEGIN and the SERIALIZABLE snapshot is taken after them (a
    /// batch that waited for a lock sees what the batches it waited for committed).
    /// </summary>
    public void Open(IReadOnlyList<NpgsqlBatchCommand> locks)
    {
        foreach (var command in locks)
        {
            command.AppendErrorBarrier = true;
            _pending.Add((command, NoWrite));
        }

        _pending.Add((new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL SERIALIZABLE"), NoWrite));
        _leadingResults = locks.Count;
    }

    /// <summary>
    /// Sends whatever is queued, COMMIT, and then <paramref name="after"/> (statements outside the transaction), in one
    /// round trip. A statement of a write that fails throws <see cref="EarlierWriteFailedException"/> (nothing after it
    /// ran, the COMMIT neither); a failed COMMIT throws. One of <paramref name="after"/> that fails cannot undo the commit:
    /// its error is returned.
    /// </summary>
    public async Task<PostgresException?> CommitAsync(IEnumerable<NpgsqlBatchCommand> after)
    {
        _write = NoWrite;
        var commit = new NpgsqlBatchCommand("COMMIT");
        _pending.Add((commit, NoWrite));
        _pending.AddRange(after.Select(command => (command, NoWrite)));
        await using var batch = TakeBatch(out var owners);
        try
        {
            await batch.ExecuteNonQueryAsync(stopping);
            return null;
        }
        catch (PostgresException ex) when (EarlierWrite(ex, batch, owners) is { } earlier)
        {
            throw new EarlierWriteFailedException(earlier, ex);
        }
        catch (PostgresException ex) when (ex.BatchCommand is { } failed && batch.BatchCommands.IndexOf(failed) > batch.BatchCommands.IndexOf(commit))
        {
            return ex;
        }
    }
}
