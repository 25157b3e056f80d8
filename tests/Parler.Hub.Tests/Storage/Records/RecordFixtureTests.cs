using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Parler.Core.Json;
using Parler.Hub.Storage.Postgres;
using Parler.Hub.Storage.Sqlite;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Storage.Records;

/// <summary>
/// Records written by an earlier hub (the fixtures: a SQLite file and a PostgreSQL dump, each made by
/// <see cref="RecordScenario"/> on the code of the day, with the snapshot that code read back) must open and read
/// the same today. Set PARLER_WRITE_RECORD_FIXTURES=1 to write new fixtures instead; never do it to make this pass.
/// </summary>
public sealed class RecordFixtureTests : IAsyncLifetime
{
    private const string WriteVariable = "PARLER_WRITE_RECORD_FIXTURES";
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-record-").FullName;

    private static bool Writing => Environment.GetEnvironmentVariable(WriteVariable) == "1";

    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Storage", "Records", "Fixtures");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SqliteRecord_WrittenByAnEarlierHub_ReadsIdentically()
    {
        if (Writing)
        {
            await WriteSqliteFixtureAsync();
            return;
        }

        CopyFolder(Path.Combine(Fixtures, "sqlite"), Path.Combine(_folder, "record"));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "sqlite.json")))!.AsObject();
        await using var store = new SqliteHubStore(Path.Combine(_folder, "record", "hub.db"), new FakeTime(), NullLogger<SqliteHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);

        var snapshot = await RecordSnapshot.TakeAsync(store, expected["lookups"]!.AsObject());

        snapshot.ShouldBe(CanonicalJson.SerializeToString(expected["snapshot"]));
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task PostgresRecord_WrittenByAnEarlierHub_ReadsIdentically()
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        try
        {
            if (Writing)
            {
                await WritePostgresFixtureAsync(url);
                return;
            }

            var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "postgres.json")))!.AsObject();
            await RestoreAsync(url, await File.ReadAllTextAsync(Path.Combine(Fixtures, "postgres.sql")));
            await using var store = new PostgresHubStore(TestPostgres.ConnectionString(url), new FakeTime(), NullLogger<PostgresHubStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);

            var snapshot = await RecordSnapshot.TakeAsync(store, expected["lookups"]!.AsObject());

            snapshot.ShouldBe(CanonicalJson.SerializeToString(expected["snapshot"]));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    /// <summary>Runs a plain-text pg_dump script (psql meta-commands dropped) on an empty database.</summary>
    private static async Task RestoreAsync(string url, string dump)
    {
        var script = string.Join('\n', dump.Split('\n').Where(line => !line.StartsWith('\\')));
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WriteSqliteFixtureAsync()
    {
        var record = Directory.CreateDirectory(Path.Combine(_folder, "record")).FullName;
        var lookups = await RecordScenario.WriteAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(record, "hub.db") }, Path.Combine(_folder, "clients"));
        var store = new SqliteHubStore(Path.Combine(record, "hub.db"), new FakeTime(), NullLogger<SqliteHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var snapshot = await RecordSnapshot.TakeAsync(store, lookups);
        await store.DisposeAsync();
        var target = Path.Combine(SourceFixtures(), "sqlite");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        CopyFolder(record, target);
        await File.WriteAllTextAsync(Path.Combine(SourceFixtures(), "sqlite.json"), Document(lookups, snapshot));
    }

    private async Task WritePostgresFixtureAsync(string url)
    {
        var connection = TestPostgres.ConnectionString(url);
        var lookups = await RecordScenario.WriteAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(_folder, "unused.db"), PostgresConnectionString = connection },
            Path.Combine(_folder, "clients"));
        var store = new PostgresHubStore(connection, new FakeTime(), NullLogger<PostgresHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        var snapshot = await RecordSnapshot.TakeAsync(store, lookups);
        await store.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var dump = Process.Start(new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--no-owner", "--no-privileges", "--inserts", "--file", Path.Combine(SourceFixtures(), "postgres.sql"), url },
        })!;
        await dump.WaitForExitAsync();
        dump.ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(Path.Combine(SourceFixtures(), "postgres.json"), Document(lookups, snapshot));
    }

    private static string Document(JsonObject lookups, string snapshot) =>
        new JsonObject { ["lookups"] = lookups, ["snapshot"] = JsonNode.Parse(snapshot) }.ToJsonString(new() { WriteIndented = true }) + "\n";

    private static string SourceFixtures([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Fixtures");

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
