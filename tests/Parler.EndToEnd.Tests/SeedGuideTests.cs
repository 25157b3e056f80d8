using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's first steps, as a person types them, with two identities on one hub.</summary>
public sealed class SeedGuideTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Guide_TwoIdentities_MessageDeliveredVerifiedOnceAndUnreadFollows()
    {
        var alice = fixture.Agent("alice");
        var bob = fixture.Agent("bob");

        var whoami = await alice.RunOkAsync("whoami");
        whoami.Lines.ShouldContain(l => l.StartsWith("agent: pa", StringComparison.Ordinal), whoami.ToString());
        whoami.Lines.ShouldContain(l => l.StartsWith("name:", StringComparison.Ordinal) && l.EndsWith(" alice", StringComparison.Ordinal), whoami.ToString());
        whoami.Lines.ShouldContain(l => l.StartsWith("hub:", StringComparison.Ordinal) && l.Contains(fixture.HubUrl, StringComparison.Ordinal), whoami.ToString());
        whoami.Lines.ShouldContain(l => l.StartsWith("home:", StringComparison.Ordinal) && l.EndsWith(alice.Home, StringComparison.Ordinal), whoami.ToString());
        var identity = Path.Combine(alice.Home, "identity.json");
        File.Exists(identity).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(identity).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await bob.RunOkAsync("whoami");

        var invite = await alice.RunOkAsync("invite", "--group", "team");
        var code = invite.Out.Trim();
        code.Length.ShouldBe(8, invite.ToString());
        invite.Error.ShouldContain("parler join " + code);

        var joined = await bob.RunOkAsync("join", code);
        joined.Out.ShouldStartWith("joined channel 'team' (rm_");
        joined.Out.ShouldContain("2 member(s)");

        var sent = await alice.RunOkAsync("send", "--room", "team", "hello bob");
        sent.Out.ShouldMatch(@"^sent #\d+ to team$");

        var before = await RoomAsync(bob, "team");
        before["members"]!.GetValue<int>().ShouldBe(2);
        before["unread"]!.GetValue<long>().ShouldBe(1);
        var table = await bob.RunOkAsync("rooms");
        table.Lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["ROOM", "ID", "KIND", "ROLE", "MEMBERS", "UNREAD"]);
        var row = table.Lines.Single(l => l.StartsWith("team ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        row[2..].ShouldBe(["channel", "member", "2", "1"]);

        var received = await bob.RunOkAsync("recv", "--room", "team");
        var says = received.Lines.Where(l => l.Contains(" says: ", StringComparison.Ordinal)).ToList();
        says.Count.ShouldBe(1, received.ToString());
        says[0].ShouldContain("alice (pa");
        says[0].ShouldContain(", verified) says: hello bob");
        received.Lines.ShouldContain(l => l.EndsWith("* you joined as member", StringComparison.Ordinal), received.ToString());

        var again = await bob.RunOkAsync("recv", "--room", "team");
        again.Lines.ShouldBeEmpty(again.ToString());
        again.Error.ShouldContain("nothing new");

        var after = await RoomAsync(bob, "team");
        after["unread"]!.GetValue<long>().ShouldBe(0);
        after["cursor"]!.GetValue<long>().ShouldBe(after["head"]!.GetValue<long>());
        var owner = await RoomAsync(alice, "team");
        owner["members"]!.GetValue<int>().ShouldBe(2);
        owner["unread"]!.GetValue<long>().ShouldBe(0);
        owner["role"]!.GetValue<string>().ShouldBe("owner");
    }

    private static async Task<JsonNode> RoomAsync(ParlerCli agent, string name)
    {
        var rooms = await agent.RunOkAsync("rooms", "--json");
        return JsonNode.Parse(rooms.Out)!["rooms"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!;
    }
}
