using System.CommandLine;
using Microsoft.Extensions.Logging;
using Parler.Hub;

namespace Parler.Cli.Commands;

/// <summary><c>parler hub</c>: run a hub on this machine until Ctrl+C.</summary>
internal static class HubCommand
{
    public static Command Create(CliHost host)
    {
        var address = new Option<string>("--addr")
        {
            Description = "host:port to listen on (loopback unless PARLER_JOIN_SECRET is set)",
            DefaultValueFactory = _ => HubOptions.DefaultAddress,
        };
        var database = new Option<string?>("--db") { Description = "SQLite file of the record (default: PARLER_HOME/hub.db)" };
        var tls = new Option<bool>("--tls")
        {
            Description = "Serve HTTPS with a self-signed certificate kept under PARLER_HOME (generated once); clients pin its fingerprint",
        };
        var log = new Option<string?>("--log") { Description = "Append the hub's output to this file instead of the console (for a hub started in the background)" };
        var command = new Command("hub", "Run a hub: the rooms, the record and the HTTP contract, on this machine") { address, database, tls, log };
        command.Handle(host, async (context, cancellationToken) =>
        {
            using var logFile = context.ParseResult.GetValue(log) is { } logPath ? LogTo(logPath) : null;
            var output = logFile ?? host.Out;
            var errors = logFile ?? host.Error;
            var path = context.ParseResult.GetValue(database) ?? Path.Combine(context.Home, "hub.db");
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Core.IO.SecureFile.EnsurePrivateDirectory(directory);
            var options = new HubOptions
            {
                Address = context.ParseResult.GetValue(address)!,
                DatabasePath = path,
                JoinSecret = host.Environment("PARLER_JOIN_SECRET"),
                Certificate = context.ParseResult.GetValue(tls) ? HubCertificate.LoadOrCreate(context.Home, host.Time) : null,
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
            catch (IOException ex)
            {
                throw new IOException($"Cannot listen on {options.Address}: {ex.Message}. Is another hub running there? Choose another with --addr.", ex);
            }

            await using (hub)
            {
                await output.WriteLineAsync(hub.Url.ToString().TrimEnd('/'));
                await output.FlushAsync(cancellationToken);
                await errors.WriteLineAsync($"parler hub listening on {hub.Url} (record: {path}); Ctrl+C stops it");
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

    private static void Logging(ILoggingBuilder logging)
    {
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Parler", LogLevel.Information);
    }
}
