using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Parler.EndToEnd.Tests.Harness;
using Parler.Tests.Shared;

namespace Parler.EndToEnd.Tests;

/// <summary>A malicious hub operator edits a message in the record; every reader must see that it was altered.</summary>
public sealed class TamperTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Message_AlteredInRecordByOperator_FlaggedByReaders()
    {
        var team = await fixture.TeamAsync();
        var sent = await team.Alice.RunOkAsync("send", "--room", "team", "the original words");
        var seq = long.Parse(sent.Out.Split(' ')[1].TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture);
        await team.Alice.RunOkAsync("send", "--room", "team", "an honest follow-up");

        (await RewriteBodyAsync(team.RoomId, seq, "tampered")).ShouldBe(1);

        var received = await team.Bob.RunOkAsync("recv", "--room", "team");
        var altered = received.Lines.Single(l => l.Contains($"#{seq} ", StringComparison.Ordinal));
        altered.ShouldContain("!! ALTERED");
        altered.ShouldContain("INVALID SIGNATURE");
        altered.ShouldContain("says: tampered");
        received.Lines.Single(l => l.Contains("says: an honest follow-up", StringComparison.Ordinal)).ShouldContain(", verified)");

        var json = await team.Bob.RunOkAsync("recv", "--room", "team", "--since", "0", "--json");
        var fact = json.Lines.Select(l => JsonNode.Parse(l)!).Single(f => f["seq"]!.GetValue<long>() == seq);
        fact["check"]!["hash_valid"]!.GetValue<bool>().ShouldBeFalse(fact.ToJsonString());
        fact["check"]!["signature"]!.GetValue<string>().ShouldNotBe("verified");

        var author = await team.Alice.RunOkAsync("recv", "--room", "team", "--since", "0");
        author.Lines.ShouldContain(l => l.Contains("!! ALTERED", StringComparison.Ordinal) && l.Contains("says: tampered", StringComparison.Ordinal), author.ToString());
    }

    /// <summary>What an operator with the database could do: lift the append-only guard and rewrite a fact in place.</summary>
    private async Task<int> RewriteBodyAsync(string roomId, long seq, string body)
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
            DROP TRIGGER facts_no_update;
            UPDATE facts SET data = json_set(data, '$.body', $body)
            WHERE type = 'message.posted' AND stream = $room AND seq = $seq;
            """;
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$room", roomId);
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteNonQueryAsync();
    }
}
