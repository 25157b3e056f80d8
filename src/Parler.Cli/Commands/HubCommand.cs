using System.CommandLine;
using Microsoft.Extensions.Logging;
using Npgsql;
using Parler.Client;
using Parler.Hub;
using Parler.Hub.Storage.Checks;
using Parler.Hub.Storage.Postgres;

namespace Parler.Cli.Commands;

/// <summary><c>parler hub</c>: run a hub on this machine until Ctrl+C; <c>parler hub migrate</c>: migrate a PostgreSQL record.</summary>
internal static class HubCommand
{
    private const string DatabaseHelp =
        "the record: a SQLite file (default: PARLER_HOME/hub.db) or a PostgreSQL URL postgres://user@host:5432/db (password from the file named by PARLER_HUB_DB_PASSWORD_FILE, or PGPASSWORD; one in the URL shows in 'ps')";

    public static Command Create(CliHost host)
    {
        var address = new Option<string>("--addr")
        {
            Description = "host:port to listen on (loopback unless PARLER_JOIN_SECRET is set)",
            DefaultValueFactory = _ => HubOptions.DefaultAddress,
        };
        var database = new Option<string?>("--db") { Description = DatabaseHelp };
        var tls = new Option<bool>("--tls")
        {
            Description = "Serve HTTPS with a self-signed certificate kept under PARLER_HOME (generated once); clients pin its fingerprint",
        };
        var log = new Option<string?>("--log") { Description = "Append the hub's output to this file instead of the console (for a hub started in the background)" };
        var blobs = new Option<string?>("--blobs")
        {
            Description = "Folder for shared files and bundles (default: blobs/ beside the SQLite record; on PostgreSQL, the database itself). Given with a PostgreSQL --db, every hub on that database must share the folder",
        };
        var acceptNew = new Option<bool>("--new")
        {
            Description = "Start a new, empty record where this folder remembers one (a missing or empty database), or serve a record the hub refused as replaced or cut, as it is",
        };
        var limits = new HubLimitOptions();
        var command = new Command("hub", "Run a hub: the rooms, the record and the HTTP contract, on this machine") { address, database, tls, log, blobs, acceptNew };
        foreach (var option in limits.Options)
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(HubCheckCommand.Create(host, DatabaseHelp));
        command.Subcommands.Add(CreateMigrate(host));
        command.Subcommands.Add(HubStopCommand.Create(host));
        command.Handle(host, async (context, cancellationToken) =>
        {
            using var logFile = context.ParseResult.GetValue(log) is { } logPath ? LogTo(logPath) : null;
            var output = logFile ?? host.Out;
            var errors = logFile ?? host.Error;
            var (path, postgres, shown) = HubRecord.Resolve(context, context.ParseResult.GetValue(database));
            var options = new HubOptions
            {
                Address = context.ParseResult.GetValue(address)!,
                DatabasePath = path,
                PostgresConnectionString = postgres,
                BlobsFolder = context.ParseResult.GetValue(blobs) is { } folder ? Path.GetFullPath(folder) : null,
                JoinSecret = host.Environment("PARLER_JOIN_SECRET"),
                NewRecord = context.ParseResult.GetValue(acceptNew),
                Certificate = context.ParseResult.GetValue(tls) ? HubCertificate.LoadOrCreate(context.Home, host.Time) : null,
                Limits = limits.Read(context),
            };
            // One hub per SQLite record: a second one would fight the first over the file (PostgreSQL records take many hubs).
            using var recordLock = postgres is null ? RecordLock.Take(path, options.Address) : null;
            HubHost hub;
            try
            {
                hub = await HubHost.StartAsync(options, host.Time, Logging, cancellationToken);
            }
            catch (RecordDamagedException ex)
            {
                await errors.WriteLineAsync($"parler: {ex.Message}");
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (NpgsqlException ex)
            {
                throw HubRecord.Unreachable(shown, ex);
            }
            catch (IOException ex)
            {
                throw new IOException($"Cannot listen on {options.Address}: {ex.Message}. Is another hub running there? Choose another with --addr.", ex);
            }

            // Named under the parler home by the address it listens on, so 'parler hub stop' finds it (SQLite or PostgreSQL).
            using var runtime = HubRuntime.Take(
                LocalHub.HomeFor(context.Home) ?? context.Home, HubRuntime.AddressOf(hub.Url), postgres is null ? Path.GetFullPath(path) : shown);
            await using (hub)
            {
                await output.WriteLineAsync(hub.Url.ToString().TrimEnd('/'));
                await output.FlushAsync(cancellationToken);
                await errors.WriteLineAsync($"parler hub listening on {hub.Url} (record: {shown}); Ctrl+C stops it");
                if (options.Certificate is { } certificate)
                {
                    await errors.WriteLineAsync($"TLS certificate sha256 fingerprint: {HubCertificate.Fingerprint(certificate)}");
                }
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await errors.WriteLineAsync("parler hub stopping");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Everything the hub prints, its console logging included, goes to the file from here on.</summary>
    private static StreamWriter LogTo(string path)
    {
        var writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        Console.SetOut(writer);
        Console.SetError(writer);
        return writer;
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
                applied = await PostgresMigrations.ApplyAsync(HubRecord.ConnectionString(host, url), cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw HubRecord.Unreachable(PostgresUrl.Redact(url), ex);
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

    private static void Logging(ILoggingBuilder logging)
    {
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Parler", LogLevel.Information);
    }
}
