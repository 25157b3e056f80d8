using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Parler.Hub.Storage.Checks;

/// <summary>
/// The PostgreSQL twin of <see cref="SqliteRecordGuard"/>'s hub id: this machine remembers, in the hub's folder, which hub
/// it served from each database (host, port and name; never the password). A database that now holds no record (dropped
/// and made again, a wrong --db) or another hub's record is refused instead of silently becoming a new, empty hub;
/// <c>--new</c> accepts it.
/// </summary>
internal static class PostgresRecordGuard
{
    /// <summary>Where the mark for <paramref name="connectionString"/>'s database lives, beside <paramref name="folder"/>'s other files.</summary>
    public static string MarkBase(string folder, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var identity = $"{builder.Host}:{builder.Port}/{builder.Database}";
        return Path.Combine(folder, "postgres-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]);
    }

    /// <summary>Before the hub creates a hub id in an empty database: refuses one that is not the remembered hub's.</summary>
    public static void Check(string markBase, string? storedHubId, string database, bool acceptNew)
    {
        // A hub folder not made yet remembers nothing (reading the mark there would fail on the missing folder).
        var mark = File.Exists(RecordMark.PathFor(markBase)) ? RecordMark.Read(markBase) : null;
        if (mark is null || acceptNew || storedHubId == mark.HubId)
        {
            return;
        }

        throw new RecordDamagedException(storedHubId is null
            ? $"The PostgreSQL database {database} holds no record, but {RecordMark.PathFor(markBase)} remembers hub {mark.HubId} there. " +
              "Check that --db names the right database, or restore it from a backup; start a new, empty record there with --new " +
              "(a new hub id: every agent must sign in and join again)."
            : $"The PostgreSQL database {database} holds hub {storedHubId}, but {RecordMark.PathFor(markBase)} remembers hub {mark.HubId} there. " +
              "Check that --db names the right database; serve this one as it is with --new.");
    }

    public static void Remember(string markBase, string hubId)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markBase))!);
            new RecordMark(hubId, 0).Write(markBase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder the hub cannot write: the database still serves; the next start checks nothing.
        }
    }
}
