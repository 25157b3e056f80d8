using Microsoft.Data.Sqlite;
using Parler.Hub.Errors;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, null, cancellationToken);

    /// <summary>SQLite reads in process, a lookup costs no round trip: the hints are not needed.</summary>
    public Task<T> WriteAsync<T>(Func<IStoreWriter, CancellationToken, Task<T>> work, WriteHints? hints, CancellationToken cancellationToken) =>
        _writes.EnqueueAsync(work, null, cancellationToken);

    /// <summary>
    /// Commits one batch and answers every write of it. A write's own error (a refusal, a conflict) is undone by its
    /// savepoint and answered alone; a failure of the record itself (a full disk, an I/O error, a damaged page) rolls the
    /// whole batch back and answers each write that was not refused with <c>storage_full</c> or <c>unavailable</c>.
    /// Either way the loop goes on with the next batch, so writes succeed again as soon as the record takes them.
    /// </summary>
    private async Task CommitBatchAsync(List<PendingWrite> batch, CancellationToken stopping)
    {
        var connection = _writeConnection!;
        var session = new SqliteWriteSession(_writeCommands!, _time, States);
        var succeeded = new List<PendingWrite>(batch.Count);
        try
        {
            await _writeCommands!.Get("BEGIN IMMEDIATE").ExecuteNonQueryAsync(stopping);
            for (var write = 0; write < batch.Count; write++)
            {
                var pending = batch[write];
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Cancel();
                    continue;
                }

                await _writeCommands!.Get("SAVEPOINT w").ExecuteNonQueryAsync(stopping);
                var appended = session.Appended;
                session.Quotas.BeginWrite(write);
                try
                {
                    await pending.RunAsync(session);
                    await _writeCommands!.Get("RELEASE w").ExecuteNonQueryAsync(stopping);
                    succeeded.Add(pending);
                }
                catch (Exception ex) when (StoreFailure.Classify(ex) is null && ex is not OperationCanceledException)
                {
                    await _writeCommands!.Get("ROLLBACK TO w; RELEASE w").ExecuteNonQueryAsync(stopping);
                    session.Appended = appended;
                    session.Quotas.Undo(write);
                    session.Forget();
                    pending.Fail(ex);
                }
            }

            await session.WriteQuotasAsync(stopping);
            await _writeCommands!.Get("COMMIT").ExecuteNonQueryAsync(stopping);
        }
        catch (Exception ex)
        {
            var (error, reason) = StoreFailure.Classify(ex) ?? (ErrorCodes.Unavailable, $"a commit failed ({ex.GetType().Name}: {ex.Message})");
            Health.Failed(error, reason);
            await RollBackAsync();
            var failure = StoreFailure.ToHubException(error, reason);
            foreach (var pending in batch)
            {
                pending.Fail(failure);
            }

            return;
        }

        Health.Succeeded();
        Interlocked.Add(ref _committedFacts, session.Appended);
        if (session.Appended > 0)
        {
            // The mark follows this commit now, off the writer: its write overlaps the answers going out.
            _markDue.Writer.TryWrite(true);
        }

        // Announced before the writers are answered: a caller that saw its revocation answered finds every cache told.
        // The batch is committed, so a subscriber that throws is logged and never turns the writers' answers into failures.
        if (session.TouchedStreams.Count > 0)
        {
            try
            {
                Committed?.Invoke(session.TouchedStreams);
            }
            catch (Exception ex)
            {
                Log.AnnounceFailed(_logger, ex);
            }
        }

        foreach (var pending in succeeded)
        {
            pending.Complete();
        }
    }

    /// <summary>
    /// Ends a failed batch's transaction. SQLite may have rolled it back itself (it does on a full disk or an I/O error);
    /// when the connection cannot even do that, it is replaced, so the next batch starts on a clean one.
    /// </summary>
    private async Task RollBackAsync()
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(_writeConnection!.Handle) != 0)
            {
                return;
            }

            await ExecuteAsync(_writeConnection!, "ROLLBACK", CancellationToken.None);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
        {
            Log.WriterReopened(_logger, ex.Message);
            _writeCommands?.Dispose();
            await _writeConnection!.DisposeAsync();
            _writeConnection = await OpenWriterAsync(CancellationToken.None);
            _writeCommands = new SqliteCommandCache(_writeConnection);
        }
    }
}
