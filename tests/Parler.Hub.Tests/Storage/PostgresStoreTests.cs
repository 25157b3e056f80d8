using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Parler.Hub.Storage;
using Parler.Hub.Storage.Postgres;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Storage;

/// <summary>The storage contract on PostgreSQL (a fresh database per test), plus what only a shared database has: several hubs.</summary>
[Trait("Category", "Postgres")]
public sealed partial class PostgresStoreTests : StoreContract
{
    private string _url = "";

    private string ConnectionString => TestPostgres.ConnectionString(_url);

    private protected override async Task PrepareAsync() => _url = await TestPostgres.CreateDatabaseAsync();

    private protected override Task CleanUpAsync() => TestPostgres.DropDatabaseAsync(_url);

    private protected override IHubStore Create() => new PostgresHubStore(ConnectionString, Time, NullLogger<PostgresHubStore>.Instance);

    [Fact]
    public async Task HubId_DatabaseEmptiedOrAnotherHubs_RefusedUnlessNew()
    {
        var markBase = Path.Combine(Folder, "postgres-mark");
        await using (var first = new PostgresHubStore(ConnectionString, Time, NullLogger<PostgresHubStore>.Instance, markBase))
        {
            await first.InitializeAsync(CancellationToken.None);
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var other = new NpgsqlCommand("UPDATE meta SET value = 'hub_0000000000000000' WHERE key = 'hub_id'", connection);
            await other.ExecuteNonQueryAsync();
        }

        await using (var replaced = new PostgresHubStore(ConnectionString, Time, NullLogger<PostgresHubStore>.Instance, markBase))
        {
            (await Should.ThrowAsync<Parler.Hub.Storage.Checks.RecordDamagedException>(() => replaced.InitializeAsync(CancellationToken.None)))
                .Message.ShouldContain("holds hub hub_0000000000000000");
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var empty = new NpgsqlCommand("DELETE FROM meta", connection);
            await empty.ExecuteNonQueryAsync();
        }

        await using (var emptied = new PostgresHubStore(ConnectionString, Time, NullLogger<PostgresHubStore>.Instance, markBase))
        {
            (await Should.ThrowAsync<Parler.Hub.Storage.Checks.RecordDamagedException>(() => emptied.InitializeAsync(CancellationToken.None)))
                .Message.ShouldContain("holds no record");
        }

        await using var accepted = new PostgresHubStore(ConnectionString, Time, NullLogger<PostgresHubStore>.Instance, markBase, acceptNew: true);
        await accepted.InitializeAsync(CancellationToken.None);
        var newId = (await accepted.GetMetaAsync(CancellationToken.None)).HubId;
        Parler.Hub.Storage.Checks.RecordMark.Read(markBase)!.HubId.ShouldBe(newId);
    }

    [Fact]
    public async Task TwoHubs_WriteOnOne_CommittedRaisedOnTheOther()
    {
        await using var other = Create();
        await other.InitializeAsync(CancellationToken.None);
        var woken = new TaskCompletionSource<IReadOnlyCollection<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        other.Committed += streams => woken.TrySetResult(streams);

        await CreateRoomAsync("rm_a");

        (await woken.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldContain("rm_a");
        (await other.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None)).Count.ShouldBe(2);
        (await other.GetMetaAsync(CancellationToken.None)).HubId.ShouldBe((await Store.GetMetaAsync(CancellationToken.None)).HubId);
    }

    [Fact]
    public async Task TwoHubs_CommitAnnouncedWhileListenerIsDown_WokenAfterReconnect()
    {
        await using var other = Create();
        await other.InitializeAsync(CancellationToken.None);
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        other.Committed += streams =>
        {
            if (streams.Contains("rm_a"))
            {
                woken.TrySetResult();
            }
        };
        await CreateRoomAsync("rm_a");
        await woken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The listeners die and a commit to rm_a is announced before either can listen again: that notification is lost.
        await using (var admin = new NpgsqlConnection(ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'; " +
                $"SELECT pg_notify('{PostgresNotifier.Channel}', 'another-hub' || chr(10) || 'rm_a')",
                admin);
            ((long)(await drop.ExecuteScalarAsync())!).ShouldBe(2);
        }

        await woken.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task TwoHubs_ConcurrentAppendsToOneRoom_OneGaplessChainFollowedWithoutSkips()
    {
        await using var other = Create();
        await other.InitializeAsync(CancellationToken.None);
        await CreateRoomAsync("rm_a");
        var writes = Enumerable.Range(0, 120).Select(i => (i % 2 == 0 ? Store : other).WriteAsync(
            (w, ct) => w.AppendAsync("rm_a", Message(Alice, $"m{i}"), ct), CancellationToken.None)).ToList();

        var seen = await FollowAsync(other, "rm_a", 122, TimeSpan.FromSeconds(90));
        await Task.WhenAll(writes);

        seen.ShouldBe(Enumerable.Range(1, 122).Select(i => (long)i));
        var facts = await Store.ReadStreamAsync("rm_a", 0, 500, CancellationToken.None);
        facts.Where(f => f.Type == FactTypes.MessagePosted).Select(f => f.Read<MessagePosted>().Body).Distinct().Count().ShouldBe(120);
        for (var i = 1; i < facts.Count; i++)
        {
            facts[i].Prev.ShouldBe(facts[i - 1].Hash);
        }
    }

    [Fact]
    public async Task TwoHubs_SameIdempotencyKeyAtOnce_OneResult()
    {
        await using var other = Create();
        await other.InitializeAsync(CancellationToken.None);
        await CreateRoomAsync("rm_a");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? Store : other).WriteAsync(
            async (w, ct) =>
            {
                if (await w.FindIdempotencyAsync(Alice, "k1", ct) is { } earlier)
                {
                    return earlier.Response;
                }

                var fact = await w.AppendAsync("rm_a", Message(Alice, "once"), ct);
                var response = $"{{\"seq\":{fact.Seq}}}";
                await w.SaveIdempotencyAsync(new IdempotencyRecord(Alice, "k1", "h", 201, response), ct);
                return response;
            },
            CancellationToken.None)));

        results.Distinct().ShouldHaveSingleItem();
        (await Store.ReadStreamAsync("rm_a", 0, 100, CancellationToken.None)).Count(f => f.Type == FactTypes.MessagePosted).ShouldBe(1);
    }

    [Fact]
    public async Task Migrations_SeveralHubsStartingTogether_EachAppliedOnce()
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresMigrations.ApplyAsync(TestPostgres.ConnectionString(url), CancellationToken.None)));

            applied.SelectMany(a => a).Order().ShouldBe(PostgresMigrations.All.Select(m => m.Name).Order());
            await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(url));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(PostgresMigrations.All.Count);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    [Theory]
    [InlineData("UPDATE facts SET data = '{}' WHERE seq = 1")]
    [InlineData("DELETE FROM facts WHERE seq = 1")]
    [InlineData("TRUNCATE facts")]
    public async Task Facts_UpdateOrDeleteBehindTheHub_IsRefused(string sql)
    {
        await CreateRoomAsync("rm_a");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.MessageText.ShouldContain("append-only");
    }

    [Fact]
    public async Task Facts_InsertBehindTheHubWithAGap_IsRefused()
    {
        await CreateRoomAsync("rm_a");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var head = (await Store.ReadStreamAsync("rm_a", 0, 10, CancellationToken.None))[^1];
        await using var command = new NpgsqlCommand(
            "INSERT INTO facts (stream, seq, type, at, actor, principal, authority, data, prev, hash) VALUES ('rm_a', 4, 't', 0, 'a', 'a', 'a', $1, $2, 'h')",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new JsonObject().ToJsonString() });
        command.Parameters.Add(new NpgsqlParameter { Value = head.Hash });

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        error.ConstraintName.ShouldBe("facts_seq_gapless");
    }
}
