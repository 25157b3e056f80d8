using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Parler.Hub.Storage.Sqlite;

namespace Parler.Hub.Tests.Storage;

public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-migrate-").FullName;

    private string DatabasePath => Path.Combine(_folder, "hub.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_RecordFromBeforeVersionedMigrations_IsRecognisedAsMigration0001AndUpgradedInPlace()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "9420b8f", "sqlite");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        (await TableExistsAsync("schema_migrations")).ShouldBeFalse("the fixture predates versioned migrations");
        var facts = await ScalarAsync("SELECT COUNT(*) FROM facts");

        await OpenAndCloseAsync();
        await OpenAndCloseAsync();

        (await MigrationsAsync()).ShouldBe(SqliteMigrations.All.Select(m => m.Name).ToList());
        (await ScalarAsync("SELECT COUNT(*) FROM facts")).ShouldBe(facts);
    }

    [Fact]
    public async Task Open_NewRecord_AppliesEveryMigrationOnce()
    {
        await OpenAndCloseAsync();
        await OpenAndCloseAsync();

        (await MigrationsAsync()).ShouldBe(SqliteMigrations.All.Select(m => m.Name).ToList());
    }

    [Fact]
    public async Task Open_RecordMigratedByANewerParler_IsRefused()
    {
        await OpenAndCloseAsync();
        await ScalarAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', 0) RETURNING version");

        var store = new SqliteHubStore(DatabasePath, new FakeTime(), NullLogger<SqliteHubStore>.Instance);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));
        await store.DisposeAsync();

        refused.Message.ShouldContain("9999");
    }

    private async Task OpenAndCloseAsync()
    {
        await using var store = new SqliteHubStore(DatabasePath, new FakeTime(), NullLogger<SqliteHubStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
    }

    private async Task<bool> TableExistsAsync(string name) =>
        await ScalarAsync($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'") == 1;

    private async Task<List<string>> MigrationsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
