using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parler.Hub.Features.Messages;
using SQLitePCL;

namespace Parler.Hub.Storage.Sqlite;

internal sealed partial class SqliteHubStore
{
    /// <summary>
    /// A catch-up's read, straight from SQLite's row buffers to the answer: each column's UTF-8 is written where it lies,
    /// so a fact costs no string and no record (ADO.NET's reader would make six strings and an array of each row).
    /// The same statement as <c>ReadStreamAsync</c>; a busy record falls back to that read.
    /// </summary>
    public override async Task<WrittenFacts> WriteStreamAsync(
        string stream, long afterSeq, long head, int limit, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var db = connection.Handle!;
        if (raw.sqlite3_prepare_v2(db, MessagesSql.ReadStream, out var statement) != raw.SQLITE_OK)
        {
            statement.Dispose();
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), raw.sqlite3_errcode(db));
        }

        using (statement)
        {
            raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$1"), stream);
            raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$2"), afterSeq);
            raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$3"), limit);
            var (written, step) = WriteRows(statement, Encoding.UTF8.GetBytes(stream), afterSeq, head, json, cancellationToken);
            if (written.Beyond)
            {
                return written;
            }

            if (step == raw.SQLITE_BUSY && written.Count == 0)
            {
                return await base.WriteStreamAsync(stream, afterSeq, head, limit, json, cancellationToken);
            }

            return step == raw.SQLITE_DONE
                ? written
                : throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), step);
        }
    }

    /// <summary>
    /// Steps the statement, writing each row, until the rows end, fail, or pass <paramref name="head"/>; answers the last
    /// step's code. Optimized from its first call: a catch-up's loop runs 100,000 times in a hub's first second.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (WrittenFacts Written, int Step) WriteRows(
        sqlite3_stmt statement, byte[] streamUtf8, long afterSeq, long head, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        var (count, last) = (0, afterSeq);
        var row = statement.DangerousGetHandle();
        int step;
        while ((step = SqliteRow.Step(row)) == raw.SQLITE_ROW)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seq = SqliteRow.Int64(row, 0);
            if (seq > head)
            {
                return (new WrittenFacts(count, last, Beyond: true), step);
            }

            FactWire.Write(
                json, seq, SqliteRow.Bytes(row, 1), SqliteRow.Int64(row, 2), SqliteRow.Bytes(row, 3), SqliteRow.Bytes(row, 4),
                SqliteRow.Bytes(row, 5), SqliteRow.Bytes(row, 6), SqliteRow.Bytes(row, 7), SqliteRow.Bytes(row, 8), streamUtf8);
            (count, last) = (count + 1, seq);
        }

        return (new WrittenFacts(count, last, Beyond: false), step);
    }
}
