using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Parler.Hub.Storage.Postgres;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Storage;

/// <summary>The LISTEN side of several hubs on one database, driven into its reconnect path on purpose.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresNotifierTests : IAsyncLifetime
{
    private string _url = "";

    private string ConnectionString => TestPostgres.ConnectionString(_url);

    public async Task InitializeAsync()
    {
        _url = await TestPostgres.CreateDatabaseAsync();
        await using var store = new PostgresHubStore(ConnectionString, TimeProvider.System, NullLogger<PostgresHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_url);

    [Fact]
    public async Task Dispose_WhileWakingEveryStreamAfterAReconnect_StopsQuietly()
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        var notifier = new PostgresNotifier(source, _ => { }, NullLogger.Instance);
        await notifier.StartAsync(CancellationToken.None);

        // Another session holds the streams table, so the catch-up read after the reconnect blocks until it is cancelled.
        await using var holder = new NpgsqlConnection(ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await Execute(holder, "LOCK TABLE streams IN ACCESS EXCLUSIVE MODE");
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        (await Scalar(admin, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")).ShouldBe(1L);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((long)(await Scalar(admin,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT stream FROM streams%'"))! == 0)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the notifier never reconnected and read the streams");
            await Task.Delay(20);
        }

        await notifier.DisposeAsync(); // threw OperationCanceledException before the fix
        await hold.RollbackAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
