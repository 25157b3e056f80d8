using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, cancellationToken);

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
