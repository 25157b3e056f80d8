using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>What follows a commit (the writers' locks let go with it): this hub's caches told, the writers answered, the other hubs told.</summary>
internal sealed partial class PostgresHubStore
{
    /// <summary>
    /// Never throws: the batch committed, so each writer gets its own outcome whatever fails here. A subscriber that throws
    /// or a NOTIFY that fails is logged; the commit's wake-up reaches other hubs' readers at their next one.
    /// </summary>
    private async Task AnswerAsync(
        NpgsqlConnection connection, List<(PendingWrite, Exception?)> outcomes, IReadOnlyCollection<string> touched, CancellationToken stopping)
    {
        // Announced before the writers are answered: a caller that saw its revocation answered finds every cache told.
        if (touched.Count > 0)
        {
            try
            {
                Committed?.Invoke(touched);
            }
            catch (Exception ex)
            {
                Log.AnnounceFailed(_logger, ex);
            }
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

        try
        {
            await _notifier.NotifyAsync(connection, touched, stopping);
        }
        catch (Exception ex)
        {
            Log.AnnounceFailed(_logger, ex);
        }
    }

    /// <summary>Closes the writer's connection, if it has one: the next batch opens a fresh one.</summary>
    private async Task DropWriterAsync()
    {
        var connection = _writer;
        _writer = null;
        _dropWriter = false;
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
        {
            // Already broken: nothing of it is reused.
        }
    }
}
