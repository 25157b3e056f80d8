using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Live fan-out between hubs sharing one database. After each commit (never inside the write transaction, which would
/// serialise all commits on the notify queue) a hub sends NOTIFY with the touched streams; every hub LISTENs and wakes its
/// own readers for streams another hub wrote. A wake-up carries no facts: readers catch up from their cursors, so a lost
/// or doubled notification can neither lose nor duplicate a fact.
/// </summary>
internal sealed partial class PostgresNotifier(NpgsqlDataSource source, Action<IReadOnlyCollection<string>> wake, ILogger logger) : IAsyncDisposable
{
    public const string Channel = "parler_commits";
    private const int MaxPayload = 7000;

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private Task? _listening;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ListenAsync(cancellationToken);
        _listening = Task.Run(() => RunAsync(connection, _stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Announces the streams one commit touched, on the writer's connection after its commit, in one round trip. Sent after
    /// the writers are answered: a NOTIFY commits a transaction of its own, whose flush they need not wait for.
    /// </summary>
    public async Task NotifyAsync(NpgsqlConnection connection, IReadOnlyCollection<string> streams, CancellationToken cancellationToken)
    {
        if (streams.Count == 0)
        {
            return;
        }

        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var payload in Payloads(streams))
            {
                batch.BatchCommands.Add(
                    new NpgsqlBatchCommand("SELECT pg_notify($1, $2)") { Parameters = { new() { Value = Channel }, new() { Value = payload } } });
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // The facts are committed; other hubs' readers still find them at their next wake-up or keep-alive.
            Log.NotifyFailed(logger, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listening is not null)
        {
            try
            {
                await _listening;
            }
            catch (OperationCanceledException)
            {
                // Stopped while catching up after a reconnect (waking every stream): nothing is left to do.
            }
        }

        _stopping.Dispose();
    }

    private IEnumerable<string> Payloads(IReadOnlyCollection<string> streams)
    {
        var payload = new StringBuilder(_origin);
        foreach (var stream in streams)
        {
            if (payload.Length + stream.Length + 1 > MaxPayload)
            {
                yield return payload.ToString();
                payload.Clear().Append(_origin);
            }

            payload.Append('\n').Append(stream);
        }

        yield return payload.ToString();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, e) =>
        {
            var parts = e.Payload.Split('\n');
            if (parts.Length > 1 && parts[0] != _origin)
            {
                wake(parts[1..]);
            }
        };
        await PostgresQueries.ExecuteAsync(connection, $"LISTEN {Channel}", cancellationToken);
        return connection;
    }

    private async Task RunAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                // Once per outage, without a stack: the reconnect loop below stays quiet until it succeeds.
                Log.ListenLost(logger, ex.Message);
                await connection.DisposeAsync();
                if (await ReconnectAsync(stopping) is not { } reconnected)
                {
                    return;
                }

                Log.ListenRestored(logger);
                connection = reconnected;
                await WakeEveryStreamAsync(connection, stopping);
            }
        }

        await connection.DisposeAsync();
    }

    /// <summary>
    /// Notifications sent while this hub was not listening are gone: wake every stream once, so no reader sleeps through a
    /// commit it missed (a reader with nothing new reads and waits again).
    /// </summary>
    private async Task WakeEveryStreamAsync(NpgsqlConnection connection, CancellationToken stopping)
    {
        try
        {
            wake(await PostgresQueries.ListAsync(connection, "SELECT stream FROM streams", r => r.GetString(0), stopping));
        }
        catch (NpgsqlException ex)
        {
            Log.ListenLost(logger, ex.Message);
        }
    }

    /// <summary>A new listening connection, or null once the store stops.</summary>
    private async Task<NpgsqlConnection?> ReconnectAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                return await ListenAsync(stopping);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(1), stopping));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Could not announce a commit to other hubs ({Reason}); their readers catch up at their next wake-up.")]
        public static partial void NotifyFailed(ILogger logger, string reason);

        [LoggerMessage(EventId = 113, Level = LogLevel.Warning, Message = "Lost the LISTEN connection for other hubs' commits ({Reason}); reconnecting every second.")]
        public static partial void ListenLost(ILogger logger, string reason);

        [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "The LISTEN connection for other hubs' commits is back.")]
        public static partial void ListenRestored(ILogger logger);
    }
}
