using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

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

        (await RecordTampering.RewriteBodyAsync(fixture, team.RoomId, seq, "tampered")).ShouldBe(1);

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

    [Fact]
    public async Task Doctor_MessageAlteredInRecordOfARemoteHub_FailsNamingTheRoomAndFact()
    {
        var team = await fixture.TeamAsync("doctor-room");
        var sent = await team.Alice.RunOkAsync("send", "--room", "doctor-room", "the original words");
        var seq = long.Parse(sent.Out.Split(' ')[1].TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture);
        var before = await team.Bob.RunAsync("doctor");

        (await RecordTampering.RewriteBodyAsync(fixture, team.RoomId, seq, "tampered")).ShouldBe(1);
        var after = await team.Bob.RunAsync("doctor");

        before.Out.ShouldContain("ok   rooms: 1 room(s), ");
        before.Out.ShouldContain("every hash chain verified");
        after.ExitCode.ShouldBe(1, after.ToString());
        after.Out.ShouldContain($"FAIL rooms: the hub serves altered facts: 'doctor-room' #{seq} does not match its hash (altered)");
    }
}
