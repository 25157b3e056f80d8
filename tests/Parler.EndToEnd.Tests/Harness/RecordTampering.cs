using Microsoft.Data.Sqlite;
using Npgsql;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests.Harness;

/// <summary>What an operator with the database could do: lift the append-only guard and rewrite a fact's data in place.</summary>
internal static class RecordTampering
{
    /// <summary>Rewrites the body of message <paramref name="seq"/> in a room; answers how many facts changed.</summary>
    public static Task<int> RewriteBodyAsync(HubFixture fixture, string roomId, long seq, string body) =>
        RewriteAsync(
            fixture,
            "UPDATE facts SET data = jsonb_set(data::jsonb, '{body}', to_jsonb(@value::text))::text WHERE type = 'message.posted' AND stream = @room AND seq = @seq",
            "UPDATE facts SET data = json_set(data, '$.body', $value) WHERE type = 'message.posted' AND stream = $room AND seq = $seq",
            ("value", body), ("room", roomId), ("seq", seq));

    /// <summary>Rewrites the next step of handoff <paramref name="handoffId"/>; answers how many facts changed.</summary>
    public static Task<int> RewriteNextAsync(HubFixture fixture, string handoffId, string next) =>
        RewriteAsync(
            fixture,
            "UPDATE facts SET data = jsonb_set(data::jsonb, '{next}', to_jsonb(@value::text))::text WHERE type = 'handoff.posted' AND data::jsonb->>'handoff_id' = @id",
            "UPDATE facts SET data = json_set(data, '$.next', $value) WHERE type = 'handoff.posted' AND json_extract(data, '$.handoff_id') = $id",
            ("value", next), ("id", handoffId));

    private static async Task<int> RewriteAsync(HubFixture fixture, string postgresUpdate, string sqliteUpdate, params (string Name, object Value)[] parameters)
    {
        if (fixture.UsesPostgres)
        {
            await using var postgres = new NpgsqlConnection(TestPostgres.ConnectionString(fixture.Database));
            await postgres.OpenAsync();
            await using var update = new NpgsqlCommand(
                $"ALTER TABLE facts DISABLE TRIGGER facts_no_update; {postgresUpdate}; ALTER TABLE facts ENABLE TRIGGER facts_no_update;", postgres);
            foreach (var (name, value) in parameters)
            {
                update.Parameters.AddWithValue(name, value);
            }

            return await update.ExecuteNonQueryAsync();
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = fixture.Database, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP TRIGGER IF EXISTS facts_no_update; {sqliteUpdate};";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("$" + name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
