using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parler.Hub;
using Parler.Hub.Storage.Postgres;

namespace Parler.Cli.Commands;

/// <summary><c>parler hub</c>: run a hub on this machine until Ctrl+C; <c>parler hub migrate</c>: migrate a PostgreSQL record.</summary>
internal static class HubCommand
{
    private const string DatabaseHelp =
        "the record: a SQLite file (default: PARLER_HOME/hub.db) or a PostgreSQL URL postgres://user@host:5432/db (password from the URL or PGPASSWORD)";

    public static Command Create(CliHost host)
    {
        var address = new Option<string>("--addr")
        {
            Description = "host:port to listen on (loopback unless PARLER_JOIN_SECRET is set)",
            DefaultValueFactory = _ => HubOptions.DefaultAddress,
        };
        var database = new Option<string?>("--db") { Description = DatabaseHelp };
        var command = new Command("hub", "Run a hub: the rooms, the record and the HTTP contract, on this machine") { address, database };
        command.Subcommands.Add(CreateMigrate(host));
        command.Handle(host, async (context, cancellationToken) =>
        {
            var (path, postgres, shown) = Resolve(context, context.ParseResult.GetValue(database));
            var options = new HubOptions
            {
                Address = context.ParseResult.GetValue(address)!,
                DatabasePath = path,
                PostgresConnectionString = postgres,
                JoinSecret = host.Environment("PARLER_JOIN_SECRET"),
            };
            HubHost hub;
            try
            {
                hub = await HubHost.StartAsync(options, host.Time, Logging, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (NpgsqlException ex)
            {
                throw Unreachable(shown, ex);
            }
            catch (IOException ex)
            {
                throw new IOException($"Cannot listen on {options.Address}: {ex.Message}. Is another hub running there? Choose another with --addr.", ex);
            }

            await using (hub)
            {
                await host.Out.WriteLineAsync(hub.Url.ToString().TrimEnd('/'));
                await host.Out.FlushAsync(cancellationToken);
                await host.Error.WriteLineAsync($"parler hub listening on {hub.Url} (record: {shown}); Ctrl+C stops it");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await host.Error.WriteLineAsync("parler hub stopping");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMigrate(CliHost host)
    {
        var database = new Option<string>("--db") { Description = "the PostgreSQL URL, postgres://user@host:5432/db", Required = true };
        var command = new Command("migrate", "Apply the record's schema migrations to a PostgreSQL database, then exit (a hub also does this on start)") { database };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var url = context.ParseResult.GetValue(database)!;
            if (!PostgresUrl.IsPostgres(url))
            {
                throw new CliUsageException($"'{url}' is not a PostgreSQL URL; use one like postgres://parler@127.0.0.1:5432/parler (a SQLite record needs no migration).");
            }

            IReadOnlyList<string> applied;
            try
            {
                applied = await PostgresMigrations.ApplyAsync(ConnectionString(host, url), cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw Unreachable(PostgresUrl.Redact(url), ex);
            }

            foreach (var name in applied)
            {
                await host.Out.WriteLineAsync($"applied {name}");
            }

            await host.Error.WriteLineAsync(applied.Count == 0 ? "parler: the schema is up to date" : $"parler: applied {applied.Count} migration(s)");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The SQLite path (always set), the PostgreSQL connection string when --db is a URL, and the record as shown to people.</summary>
    private static (string Path, string? Postgres, string Shown) Resolve(CliContext context, string? database)
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

    private static string ConnectionString(CliHost host, string url)
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

    private static IOException Unreachable(string shown, NpgsqlException ex) =>
        new($"Cannot use the PostgreSQL record at {shown}: {ex.Message}. Check the URL, that the server runs, and the password (in the URL or PGPASSWORD).", ex);

    private static void Logging(ILoggingBuilder logging)
    {
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Parler", LogLevel.Information);
    }
}
