using Microsoft.Data.Sqlite;
using Npgsql;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>What an operator with the database could do: lift the append-only guard and rewrite a message in place.</summary>
internal static class RecordTampering
{
    public static async Task<int> RewriteBodyAsync(HubFixture fixture, string roomId, long seq, string body)
    {
        if (fixture.UsesPostgres)
        {
            await using var postgres = new NpgsqlConnection(TestPostgres.ConnectionString(fixture.Database));
            await postgres.OpenAsync();
            await using var update = new NpgsqlCommand(
                "ALTER TABLE facts DISABLE TRIGGER facts_no_update; " +
                "UPDATE facts SET data = jsonb_set(data::jsonb, '{body}', to_jsonb(@body::text))::text " +
                "WHERE type = 'message.posted' AND stream = @room AND seq = @seq",
                postgres);
            update.Parameters.AddWithValue("body", body);
            update.Parameters.AddWithValue("room", roomId);
            update.Parameters.AddWithValue("seq", seq);
            return await update.ExecuteNonQueryAsync();
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = fixture.Database, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TRIGGER IF EXISTS facts_no_update;
            UPDATE facts SET data = json_set(data, '$.body', $body)
            WHERE type = 'message.posted' AND stream = $room AND seq = $seq;
            """;
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteNonQueryAsync();
    }
}
