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
/// Records written by earlier hubs must open and read the same today. Each folder of <c>Storage/Fixtures/</c> is named
/// after the commit whose code wrote it with <see cref="RecordScenario"/>: a SQLite record (<c>sqlite/</c>, the hub.db
/// and its blob files) and a plain-SQL <c>pg_dump</c> of the same scenario on PostgreSQL (<c>postgres.sql</c>), each
/// with the <see cref="RecordSnapshot"/> that code read back (<c>sqlite.json</c>, <c>postgres.json</c>).
/// To add one, on the commit to pin: <c>PARLER_WRITE_RECORD_FIXTURES=&lt;short commit&gt; PARLER_TEST_PG=… dotnet test
/// tests/Parler.Hub.Tests --filter FullyQualifiedName~FixtureRecordTests</c>. Naming an existing folder re-reads its records
/// and rewrites only its snapshots (to widen <see cref="RecordSnapshot"/>): do that on the commit the folder is named
/// after, never to make this test pass.
/// </summary>
public sealed class FixtureRecordTests : IAsyncLifetime
{
    private const string WriteVariable = "PARLER_WRITE_RECORD_FIXTURES";
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-record-").FullName;

    private static string? Writing => Environment.GetEnvironmentVariable(WriteVariable) is { Length: > 0 } name ? name : null;

    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures");

    public static TheoryData<string> Records()
    {
        var records = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(Fixtures).Order(StringComparer.Ordinal))
        {
            records.Add(Path.GetFileName(folder));
        }

        return records;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task SqliteRecord_WrittenByAnEarlierHub_ReadsIdentically(string record)
    {
        var expected = await ReadExpectedAsync(Path.Combine(Fixtures, record, "sqlite.json"));
        await using var store = await OpenSqliteAsync(Path.Combine(Fixtures, record, "sqlite"));

        var snapshot = await RecordSnapshot.TakeAsync(store, expected["lookups"]!.AsObject());

        snapshot.ShouldBe(CanonicalJson.SerializeToString(expected["snapshot"]));
    }

    [Theory]
    [MemberData(nameof(Records))]
    [Trait("Category", "Postgres")]
    public async Task PostgresRecord_WrittenByAnEarlierHub_ReadsIdentically(string record)
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var expected = await ReadExpectedAsync(Path.Combine(Fixtures, record, "postgres.json"));
            await using var store = await OpenPostgresAsync(url, Path.Combine(Fixtures, record, "postgres.sql"));

            var snapshot = await RecordSnapshot.TakeAsync(store, expected["lookups"]!.AsObject());

            snapshot.ShouldBe(CanonicalJson.SerializeToString(expected["snapshot"]));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    [Fact]
    public async Task SqliteFixture_WhenAsked_IsWrittenByThisCode()
    {
        if (Writing is not { } name)
        {
            return;
        }

        var target = Path.Combine(SourceFixtures(), name);
        var lookups = File.Exists(Path.Combine(target, "sqlite.json"))
            ? (await ReadExpectedAsync(Path.Combine(target, "sqlite.json")))["lookups"]!.AsObject().DeepClone().AsObject()
            : await WriteSqliteRecordAsync(Path.Combine(target, "sqlite"));
        await using var store = await OpenSqliteAsync(Path.Combine(target, "sqlite"));
        await File.WriteAllTextAsync(Path.Combine(target, "sqlite.json"), Document(lookups, await RecordSnapshot.TakeAsync(store, lookups)));
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task PostgresFixture_WhenAsked_IsWrittenByThisCode()
    {
        if (Writing is not { } name)
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(SourceFixtures(), name)).FullName;
        var url = await TestPostgres.CreateDatabaseAsync();
        try
        {
            JsonObject lookups;
            if (File.Exists(Path.Combine(target, "postgres.json")))
            {
                lookups = (await ReadExpectedAsync(Path.Combine(target, "postgres.json")))["lookups"]!.AsObject().DeepClone().AsObject();
                await RestoreAsync(url, Path.Combine(target, "postgres.sql"));
            }
            else
            {
                lookups = await RecordScenario.WriteAsync(
                    new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(_folder, "unused.db"), PostgresConnectionString = TestPostgres.ConnectionString(url) },
                    Path.Combine(_folder, "clients"));
                NpgsqlConnection.ClearAllPools();
                await DumpAsync(url, Path.Combine(target, "postgres.sql"));
            }

            await using var store = new PostgresHubStore(TestPostgres.ConnectionString(url), new FakeTime(), NullLogger<PostgresHubStore>.Instance);
            await store.InitializeAsync(CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(target, "postgres.json"), Document(lookups, await RecordSnapshot.TakeAsync(store, lookups)));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    /// <summary>Opens a copy of a fixture's SQLite record (the store upgrades a record in place; the fixture stays as written).</summary>
    private async Task<SqliteHubStore> OpenSqliteAsync(string fixture)
    {
        var copy = Path.Combine(_folder, "record-" + Guid.NewGuid().ToString("N"));
        CopyFolder(fixture, copy);
        var store = new SqliteHubStore(Path.Combine(copy, "hub.db"), new FakeTime(), NullLogger<SqliteHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static async Task<PostgresHubStore> OpenPostgresAsync(string url, string dump)
    {
        await RestoreAsync(url, dump);
        var store = new PostgresHubStore(TestPostgres.ConnectionString(url), new FakeTime(), NullLogger<PostgresHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private async Task<JsonObject> WriteSqliteRecordAsync(string target)
    {
        var record = Directory.CreateDirectory(Path.Combine(_folder, "written")).FullName;
        var lookups = await RecordScenario.WriteAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(record, "hub.db") }, Path.Combine(_folder, "clients"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        CopyFolder(record, target);
        return lookups;
    }

    private static async Task<JsonObject> ReadExpectedAsync(string path) =>
        JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();

    /// <summary>Runs a plain-text pg_dump script (psql meta-commands dropped) on an empty database.</summary>
    private static async Task RestoreAsync(string url, string dumpPath)
    {
        var dump = await File.ReadAllTextAsync(dumpPath);
        var script = string.Join('\n', dump.Split('\n').Where(line => !line.StartsWith('\\')));
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DumpAsync(string url, string path)
    {
        using var dump = Process.Start(new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--no-owner", "--no-privileges", "--inserts", "--file", path, url },
        })!;
        await dump.WaitForExitAsync();
        dump.ExitCode.ShouldBe(0);

        // The test cluster's template may carry pgTAP (db/pgtap); it is no part of the record, and a fresh database has it already.
        var lines = (await File.ReadAllLinesAsync(path)).Where(line => !line.Contains("EXTENSION IF NOT EXISTS pgtap", StringComparison.Ordinal)
            && !line.Contains("EXTENSION pgtap", StringComparison.Ordinal) && !line.StartsWith("-- Name: pgtap;", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(path, lines);
    }

    private static string Document(JsonObject lookups, string snapshot) =>
        new JsonObject { ["lookups"] = lookups, ["snapshot"] = JsonNode.Parse(snapshot) }.ToJsonString(new() { WriteIndented = true }) + "\n";

    private static string SourceFixtures([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source)!)!, "Fixtures");

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
