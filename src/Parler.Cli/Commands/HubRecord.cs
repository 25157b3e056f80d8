using Npgsql;
using Parler.Hub.Storage.Postgres;

namespace Parler.Cli.Commands;

/// <summary>Where a hub keeps its record: a SQLite file, or a PostgreSQL database given as a URL.</summary>
internal static class HubRecord
{
    /// <summary>The SQLite path (always set), the PostgreSQL connection string when --db is a URL, and the record as shown to people.</summary>
    public static (string Path, string? Postgres, string Shown) Resolve(CliContext context, string? database)
    {
        if (database is not null && PostgresUrl.IsPostgres(database))
        {
            return (Path.Combine(context.Home, "hub.db"), ConnectionString(context.Host, database), PostgresUrl.Redact(database));
        }

        if (database is not null && database.Contains("://", StringComparison.Ordinal))
        {
            throw new CliUsageException($"'{PostgresUrl.Redact(database)}' is neither a SQLite file nor a PostgreSQL URL (postgres://user@host:5432/db).");
        }

        var path = database ?? Path.Combine(context.Home, "hub.db");
        Core.IO.SecureFile.EnsurePrivateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return (path, null, path);
    }

    public static string ConnectionString(CliHost host, string url)
    {
        try
        {
            return PostgresUrl.ToConnectionString(url, host.Environment("PGPASSWORD"));
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    public static IOException Unreachable(string shown, NpgsqlException ex) =>
        new($"Cannot use the PostgreSQL record at {shown}: {ex.Message}. Check the URL, that the server runs, and the password (in the URL or PGPASSWORD).", ex);
}
