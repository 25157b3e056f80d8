using System.Text;
using System.Text.Json;
using Parler.Hub.Features.Messages;

namespace Parler.Hub.Storage.Postgres;

internal sealed partial class PostgresHubStore
{
    /// <summary>
    /// A catch-up's read, written to the answer row by row as it arrives: each column's UTF-8 goes from Npgsql's buffer
    /// to the writer, so a fact costs neither strings nor a record nor a serializer pass (the read as records made six
    /// strings of each row, then encoded them back to UTF-8). The same statement as <c>ReadStreamAsync</c>.
    /// </summary>
    public override Task<WrittenFacts> WriteStreamAsync(
        string stream, long afterSeq, long head, int limit, Utf8JsonWriter json, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                await using var command = PostgresQueries.Command(connection, MessagesSql.ReadStream, stream, afterSeq, limit);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var streamUtf8 = Encoding.UTF8.GetBytes(stream);
                var (count, last) = (0, afterSeq);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var seq = reader.GetInt64(0);
                    if (seq > head)
                    {
                        return new WrittenFacts(count, last, Beyond: true);
                    }

                    FactWire.Write(
                        json, seq, Utf8(reader, 1), reader.GetInt64(2), Utf8(reader, 3), Utf8(reader, 4), Utf8(reader, 5),
                        Utf8(reader, 6), Utf8(reader, 7), Utf8(reader, 8), streamUtf8);
                    (count, last) = (count + 1, seq);
                }

                return new WrittenFacts(count, last, Beyond: false);
            },
            cancellationToken);

    /// <summary>A text column's UTF-8 as PostgreSQL sent it.</summary>
    private static byte[] Utf8(Npgsql.NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
