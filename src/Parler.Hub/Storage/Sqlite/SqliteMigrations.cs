using Microsoft.Data.Sqlite;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Sqlite;

/// <summary>
/// Versioned migrations for the embedded store, like PostgreSQL's: the embedded <c>Sqlite/Migrations/NNNN_name.sql</c>
/// files, applied in order, each recorded in <c>schema_migrations</c>. They run inside the caller's transaction (the
/// writer holds the file alone), so a new record is one commit. 0001 is the schema every earlier record already has, all
/// IF NOT EXISTS: a record made before this table existed is recognised and upgraded in place.
/// </summary>
internal static class SqliteMigrations
{
    private const string Prefix = "sqlite-migrations/";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = MigrationScripts.Load(Prefix);

    /// <summary>Applies every migration the record lacks; returns the names it applied. Call inside a write transaction.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(SqliteConnection connection, long now, CancellationToken cancellationToken)
    {
        await using (var create = SqliteQueries.Command(
            connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var read = SqliteQueries.Command(connection, "SELECT version FROM schema_migrations"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        MigrationScripts.RefuseNewer(applied, All);
        var ran = new List<string>();
        foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version)))
        {
            await using (var migrate = SqliteQueries.Command(connection, sql))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = SqliteQueries.Command(
                connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", ("$1", version), ("$2", name), ("$3", now)))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            ran.Add(name);
        }

        return ran;
    }
}
