using Npgsql;
using Parler.Hub.Storage.Relational;

namespace Parler.Hub.Storage.Postgres;

/// <summary>
/// Versioned migrations: the embedded <c>Migrations/NNNN_name.sql</c> files, applied in order, each in its own
/// transaction with its row in <c>schema_migrations</c>. A session advisory lock serialises hubs that start together,
/// so each migration runs once. Adding a projection table is one more file.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock key held while migrating ("parler" in ASCII).</summary>
    private const long LockKey = 0x7061726c6572;
    private const string Prefix = "migrations/";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = MigrationScripts.Load(Prefix);

    /// <summary>Applies every migration the database at <paramref name="connectionString"/> lacks (<c>parler hub migrate</c>).</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        return await ApplyAsync(source, cancellationToken);
    }

    /// <summary>Applies every migration the database lacks; returns the names it applied.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(
                connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = new HashSet<int>();
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
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
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = version });
                    record.Parameters.Add(new NpgsqlParameter { Value = name });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                ran.Add(name);
            }

            return ran;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
