using Microsoft.Data.Sqlite;

namespace Parler.Hub.Storage.Checks;

/// <summary>
/// What a SQLite hub checks before it serves its record: the file is there when its folder remembers one, SQLite finds it
/// sound, each stream's last facts chain, it is the remembered hub's, and no committed fact is missing. Any of these
/// failing refuses the start with what to do; <c>--new</c> accepts a new record where one was expected.
/// </summary>
internal static class SqliteRecordGuard
{
    private const string Restore = "Restore the record from a backup (the database with its -wal file)";

    /// <summary>Before the store opens (and would create) the file: returns the mark remembered beside it.</summary>
    public static async Task<RecordMark?> BeforeOpenAsync(string path, bool acceptNew, CancellationToken cancellationToken)
    {
        var mark = RecordMark.Read(path);
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            if (mark is not null && !acceptNew)
            {
                throw new RecordDamagedException(
                    $"The record {path} is {(file.Exists ? "empty (zero length)" : "missing")}, but {RecordMark.PathFor(path)} remembers {mark} there. " +
                    $"{Restore}, or start a new, empty record with --new (a new hub id: every agent must sign in and join again).");
            }

            return mark;
        }

        RecordReport report;
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            report = await RecordCheck.RunAsync(connection, sqlite: true, full: false, cancellationToken);
        }
        catch (SqliteException ex)
        {
            report = new RecordReport([$"SQLite: {ex.Message}"], 0, 0, 0);
        }

        if (!report.Sound)
        {
            throw new RecordDamagedException(
                $"The record {path} is damaged, so the hub does not serve it:\n  {string.Join("\n  ", report.Problems)}\n" +
                $"{Restore}; 'parler hub check --db {path}' gives the full report. Move the damaged file aside before starting a new record with --new.");
        }

        return mark;
    }

    /// <summary>Once the store is open: the record is the remembered hub's and holds every fact that was committed.</summary>
    public static void AfterOpen(string path, RecordMark? mark, string hubId, long facts, bool acceptNew)
    {
        if (mark is null || acceptNew)
        {
            return;
        }

        if (mark.HubId != hubId)
        {
            throw new RecordDamagedException(
                $"The record {path} is hub {hubId}, but {RecordMark.PathFor(path)} remembers hub {mark.HubId} there: the database was replaced. " +
                $"Put back hub {mark.HubId}'s database, or start with --new to serve this one as it is.");
        }

        if (facts < mark.Facts)
        {
            throw new RecordDamagedException(
                $"The record {path} holds {facts} facts, but {mark.Facts} were committed: {mark.Facts - facts} acknowledged facts are missing " +
                $"(the database or its -wal file was cut or replaced). {Restore}, or start with --new to serve what is left as it is.");
        }
    }
}
