using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    public async Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteHubStore), "The hub is shutting down.");
        }

        return await pending.Result;
    }

    private async Task RunWriterAsync(CancellationToken stopping)
    {
        var connection = _writeConnection!;
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitBatchAsync(connection, batch, stopping);
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(SqliteConnection connection, List<PendingWrite> batch, CancellationToken stopping)
    {
        var session = new SqliteWriteSession(connection, _writeCommands!, _time, _states);
        var succeeded = new List<PendingWrite>(batch.Count);
        var open = false;
        try
        {
            await _writeCommands!.Get("BEGIN IMMEDIATE").ExecuteNonQueryAsync(stopping);
            open = true;
            foreach (var pending in batch)
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                    continue;
                }

                await _writeCommands!.Get("SAVEPOINT w").ExecuteNonQueryAsync(stopping);
                try
                {
                    await pending.RunAsync(session);
                    await _writeCommands!.Get("RELEASE w").ExecuteNonQueryAsync(stopping);
                    succeeded.Add(pending);
                }
                catch (Exception ex)
                {
                    await _writeCommands!.Get("ROLLBACK TO w; RELEASE w").ExecuteNonQueryAsync(stopping);
                    pending.Fail(ex);
                }
            }

            await _writeCommands!.Get("COMMIT").ExecuteNonQueryAsync(stopping);
            open = false;
        }
        catch (Exception ex) when (ex is SqliteException or OperationCanceledException or IOException)
        {
            Log.BatchFailed(_logger, batch.Count, ex);
            if (open)
            {
                await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
            }

            foreach (var pending in succeeded)
            {
                pending.Fail(ex);
            }

            return;
        }

        foreach (var pending in succeeded)
        {
            pending.Complete();
        }

        if (session.TouchedStreams.Count > 0)
        {
            Committed?.Invoke(session.TouchedStreams);
        }
    }
}
