using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Parler.Tests.Shared;

namespace Parler.LoadTest;

/// <summary>
/// PostgreSQL's own ceiling on this machine: pgbench with a one-row insert script (a 256 B text row per transaction,
/// synchronous commit, as many clients as senders) against a fresh database on the same server.
/// </summary>
internal static partial class PgBench
{
    /// <summary>Transactions per second, or null when pgbench is not installed.</summary>
    public static async Task<double?> RunAsync(int clients, int seconds, int size, CancellationToken cancellationToken)
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        var script = Path.GetTempFileName();
        try
        {
            var database = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(url));
            await using (var connection = new NpgsqlConnection(database.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand("CREATE TABLE inserts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await File.WriteAllTextAsync(script, $"INSERT INTO inserts (body) VALUES (repeat('x', {size}));\n", cancellationToken);
            var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["-n", "-f", script, "-c", $"{clients}", "-j", "2", "-T", $"{seconds}", "-M", "prepared"])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PGHOST"] = database.Host;
            start.Environment["PGPORT"] = database.Port.ToString(CultureInfo.InvariantCulture);
            start.Environment["PGUSER"] = database.Username;
            start.Environment["PGDATABASE"] = database.Database;
            if (database.Password is not null)
            {
                start.Environment["PGPASSWORD"] = database.Password;
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var tps = Tps().Match(output);
            return tps.Success
                ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench printed no tps:\n{output}{await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(script);
            await TestPostgres.DropDatabaseAsync(url);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
