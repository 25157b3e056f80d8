using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>What follows a commit (the other hubs told and the writers' lock let go with it): this hub's caches told, the writers answered.</summary>
internal sealed partial class PostgresHubStore
{
    /// <summary>
    /// Never throws: the batch committed, so each writer gets its own outcome whatever fails here. A subscriber that throws
    /// is logged.
    /// </summary>
    private async Task AnswerAsync(NpgsqlConnection connection, List<(PendingWrite, Exception?)> outcomes, IReadOnlyCollection<string> touched)
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

        await DisposeQuietlyAsync(connection);
    }

    private static async Task DisposeQuietlyAsync(NpgsqlConnection? connection)
    {
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
