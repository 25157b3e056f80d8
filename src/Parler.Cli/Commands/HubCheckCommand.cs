using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parler.Hub.Storage.Checks;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler hub check [--db]</c>: the full verification a start only samples: SQLite's integrity_check, every stream's
/// whole hash chain, and (for SQLite) the hub id and committed-facts mark beside the record. Exit 0 when sound, 1 when not.
/// </summary>
internal static class HubCheckCommand
{
    public static Command Create(CliHost host, string databaseHelp)
    {
        var database = new Option<string?>("--db") { Description = databaseHelp };
        var command = new Command("check", "Verify the whole record (integrity and every stream's hash chain); exit 0 when sound, 1 when damaged") { database };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var (path, postgres, shown) = HubRecord.Resolve(context, context.ParseResult.GetValue(database));
            var clock = Stopwatch.StartNew();
            var problems = new List<string>();
            RecordReport? report = null;
            RecordMark? mark = null;
            try
            {
                if (postgres is not null)
                {
                    await using var connection = new NpgsqlConnection(postgres);
                    await connection.OpenAsync(cancellationToken);
                    report = await RecordCheck.RunAsync(connection, sqlite: false, full: true, cancellationToken);
                }
                else
                {
                    mark = RecordMark.Read(path);
                    var file = new FileInfo(path);
                    if (!file.Exists || file.Length == 0)
                    {
                        problems.Add($"the database is {(file.Exists ? "empty (zero length)" : "missing")}{(mark is null ? "" : $", but {mark} was remembered there")}");
                    }
                    else
                    {
                        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
                        await connection.OpenAsync(cancellationToken);
                        report = await RecordCheck.RunAsync(connection, sqlite: true, full: true, cancellationToken);
                    }
                }
            }
            catch (SqliteException ex)
            {
                problems.Add($"SQLite: {ex.Message}");
            }
            catch (NpgsqlException ex)
            {
                throw HubRecord.Unreachable(shown, ex);
            }
            catch (RecordDamagedException ex)
            {
                problems.Add(ex.Message);
            }

            if (report is not null)
            {
                problems.AddRange(report.Problems);
                if (report.Sound && mark is not null && report.FactsHeld < mark.Facts)
                {
                    problems.Add($"the record holds {report.FactsHeld} facts, but {mark.Facts} were committed: {mark.Facts - report.FactsHeld} acknowledged facts are missing");
                }
            }

            if (problems.Count > 0)
            {
                await host.Out.WriteLineAsync($"damaged: {shown}");
                foreach (var problem in problems)
                {
                    await host.Out.WriteLineAsync($"  {problem}");
                }

                await host.Error.WriteLineAsync("parler: the record is damaged; restore it from a backup (the database with its -wal file). A hub refuses to serve it.");
                return ExitCodes.Failure;
            }

            await host.Out.WriteLineAsync(
                $"ok: {shown}: {report!.Streams} streams, {report.FactsChecked} facts, every hash chain verified{(postgres is null ? ", SQLite integrity ok" : "")} ({clock.ElapsedMilliseconds} ms)");
            return ExitCodes.Success;
        });
        return command;
    }
}
