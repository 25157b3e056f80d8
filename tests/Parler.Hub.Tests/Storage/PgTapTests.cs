using System.Diagnostics;
using Npgsql;
using Parler.Hub.Storage.Postgres;
using Parler.Tests.Shared;

namespace Parler.Hub.Tests.Storage;

/// <summary>The database's own invariants (db/pgtap/*.sql), run with pg_prove against a freshly migrated database.</summary>
[Trait("Category", "Postgres")]
public sealed class PgTapTests
{
    [Fact]
    public async Task Invariants_PgProveOnAMigratedDatabase_AllPass()
    {
        var folder = Path.Combine(RepositoryRoot(), "db", "pgtap");
        var files = Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(5);
        var url = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var connectionString = TestPostgres.ConnectionString(url);
            await PostgresMigrations.ApplyAsync(connectionString, CancellationToken.None);
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pgtap", connection);
                try
                {
                    await command.ExecuteNonQueryAsync();
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedFile or PostgresErrorCodes.FeatureNotSupported or PostgresErrorCodes.InsufficientPrivilege)
                {
                    throw new InvalidOperationException(
                        "!!! pgTAP is not available in this PostgreSQL: apt-get install postgresql-15-pgtap (or postgresql-pgtap), then, as a superuser, " +
                        "CREATE EXTENSION pgtap in template1 (.ci/run does both).", ex);
                }
            }

            var (exit, output) = await PgProveAsync(new NpgsqlConnectionStringBuilder(connectionString), files);

            exit.ShouldBe(0, output);
            output.ShouldContain("All tests successful.");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    private static async Task<(int Exit, string Output)> PgProveAsync(NpgsqlConnectionStringBuilder database, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("pg_prove") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--verbose");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.Environment["PGHOST"] = database.Host;
        start.Environment["PGPORT"] = database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = database.Username;
        start.Environment["PGDATABASE"] = database.Database;
        if (database.Password is not null)
        {
            start.Environment["PGPASSWORD"] = database.Password;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("!!! pg_prove is not installed: apt-get install libtap-parser-sourcehandler-pgtap-perl postgresql-15-pgtap (.ci/run does).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return (process.ExitCode, await output + await errors);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Parler.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Parler.slnx not found above the test's folder.");
    }
}
