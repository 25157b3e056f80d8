using Npgsql;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Postgres;

namespace Parler.Hub.Tests.Storage;

/// <summary>Two hubs writing one room: the second waits for the room before its snapshot, and does not conflict.</summary>
public sealed partial class PostgresStoreTests
{
    [Fact]
    public async Task TwoHubs_SecondWritesARoomTheFirstHolds_WaitsWithoutConflict()
    {
        await using var other = (PostgresHubStore)Create();
        await other.InitializeAsync(CancellationToken.None);
        await CreateRoomAsync("rm_a");
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = Store.WriteAsync(
            async (w, ct) =>
            {
                (await w.GetRoomAsync("rm_a", ct)).ShouldNotBeNull();
                inside.SetResult();
                await gate.Task;
                return (await w.AppendAsync("rm_a", Message(Alice, "first"), ct)).Seq;
            },
            new WriteHints { Room = "rm_a" },
            CancellationToken.None);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = other.WriteAsync(
            async (w, ct) =>
            {
                (await w.GetRoomAsync("rm_a", ct)).ShouldNotBeNull();
                return (await w.AppendAsync("rm_a", Message(Alice, "second"), ct)).Seq;
            },
            new WriteHints { Room = "rm_a" },
            CancellationToken.None);
        await WaitForALockWaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();

        (await first).ShouldBe(3);
        (await second).ShouldBe(4);
        other.Retries.ShouldBe(0, "the second hub's batch waited for the room before its snapshot");
    }

    /// <summary>Waits until a session of this database waits for a lock (the second hub's batch, behind the first).</summary>
    private async Task WaitForALockWaitAsync(TimeSpan timeout)
    {
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", admin);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            waited.Elapsed.ShouldBeLessThan(timeout, "the second hub's batch never waited for the first");
            await Task.Delay(20);
        }
    }
}
