using Npgsql;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Postgres;

namespace Parler.Hub.Tests.Storage;

/// <summary>The writer's read-ahead stays an index lookup however much the record grew since its statements were prepared.</summary>
public sealed partial class PostgresStoreTests
{
    [Fact]
    public async Task ReadAhead_RunAgainAfterTheRoomGrew_ChecksItsNoncesWithoutScanningFacts()
    {
        await CreateRoomAsync("rm_a");

        // A new hub's first minute: autovacuum has analysed facts while it held a few rows.
        await using (var analyse = new NpgsqlConnection(ConnectionString))
        {
            await analyse.OpenAsync();
            await using var command = new NpgsqlCommand("ANALYZE facts", analyse);
            await command.ExecuteNonQueryAsync();
        }

        // One connection that prepares what it runs often, as the writer's does, used while facts is still small.
        await using var source = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(ConnectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 });
        await using var connection = await source.OpenConnectionAsync();
        for (var i = 0; i < 10; i++)
        {
            await ReadAheadScansAsync(connection, $"n{i}");
        }

        for (var batch = 0; batch < 20; batch++)
        {
            await Store.WriteAsync(
                async (w, ct) =>
                {
                    for (var i = 0; i < 100; i++)
                    {
                        await w.AppendAsync("rm_a", Message(Alice, $"m{batch}-{i}"), ct);
                    }

                    return 0;
                },
                CancellationToken.None);
        }

        (await ReadAheadScansAsync(connection, "late")).ShouldBe(0);
    }

    /// <summary>Runs one batch's read-ahead of a post to rm_a in a transaction, and counts the sequential scans of facts it made (this backend's counts, not yet reported, grow until then).</summary>
    private static async Task<long> ReadAheadScansAsync(NpgsqlConnection connection, string nonce)
    {
        var pipeline = new PostgresPipeline(connection, CancellationToken.None);
        pipeline.Open([]);
        const string scans = "SELECT pg_stat_get_xact_numscans('facts'::regclass)";
        var before = (long)(await pipeline.ScalarAsync(scans))!;
        var ahead = PostgresReadAhead.Collect([new WriteHints { Room = "rm_a", Nonce = ("rm_a", nonce), Idempotency = ("ag_alice", nonce) }]);
        await ahead.ReadAsync(pipeline, new RoomStateCache(), CancellationToken.None);
        var after = (long)(await pipeline.ScalarAsync(scans))!;
        await pipeline.CommitAsync([]);
        return after - before;
    }
}
