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
        PrepareFolder(path);
        return (path, null, path);
    }

    /// <summary>
    /// A folder made for the record is its owner's alone; a folder that already exists keeps its mode, since it is the
    /// user's (a record in /tmp must not close /tmp to everyone else).
    /// </summary>
    public static void PrepareFolder(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (!Directory.Exists(folder))
        {
            Core.IO.SecureFile.EnsurePrivateDirectory(folder);
        }
    }

    /// <summary>Names a file holding the PostgreSQL password (its first line), kept out of argv and the environment listing.</summary>
    public const string PasswordFileVariable = "PARLER_HUB_DB_PASSWORD_FILE";

    /// <summary>
    /// The connection string of a PostgreSQL URL. The password comes from the URL (with a warning: argv shows in 'ps'),
    /// else from the file named by PARLER_HUB_DB_PASSWORD_FILE, else from PGPASSWORD.
    /// </summary>
    public static string ConnectionString(CliHost host, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            host.Error.WriteLine(
                $"warning: the --db URL holds the password, and anyone on this machine sees argv with 'ps'. Leave it out and set {PasswordFileVariable} (a file) or PGPASSWORD.");
        }

        try
        {
            return PostgresUrl.ToConnectionString(url, Password(host));
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    private static string? Password(CliHost host)
    {
        if (host.Environment(PasswordFileVariable) is not { Length: > 0 } file)
        {
            return host.Environment("PGPASSWORD");
        }

        try
        {
            return File.ReadLines(file).FirstOrDefault()?.TrimEnd('\r') ?? "";
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"Cannot read the password file {PasswordFileVariable}={file}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliUsageException($"Cannot read the password file {PasswordFileVariable}={file}: {ex.Message}");
        }
    }

    public static IOException Unreachable(string shown, NpgsqlException ex) =>
        new($"Cannot use the PostgreSQL record at {shown}: {ex.Message}. Check the URL, that the server runs, and the password ({PasswordFileVariable} or PGPASSWORD).", ex);
}
