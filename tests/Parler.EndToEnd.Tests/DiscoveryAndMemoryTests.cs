using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>The seed guide's "Be discoverable", DMs and "Shared memory", with the built binary.</summary>
public sealed class DiscoveryAndMemoryTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Card_PublicByTag_FoundThenDmedByName()
    {
        var planner = fixture.Agent("planner");
        var asker = fixture.Agent("asker");
        var hermit = fixture.Agent("hermit");
        await planner.RunOkAsync("register", "--public", "--tag", "planning", "--skill", "decompose", "--describe", "Decomposes goals into ordered plans.");
        await hermit.RunOkAsync("register", "--describe", "keeps to itself");

        var found = await asker.RunOkAsync("discover", "--public", "--tag", "planning");
        var dm = await asker.RunOkAsync("send", "--to", "planner", "got a minute?");
        var dmRoom = JsonNode.Parse((await planner.RunOkAsync("rooms", "--json")).Out)!["rooms"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var read = await planner.RunOkAsync("recv", "--room", dmRoom);
        var toPrivate = await asker.RunAsync("send", "--to", "hermit", "hello?");
        var toNobody = await asker.RunAsync("send", "--to", "nobody-at-all", "hello?");

        found.Out.ShouldContain("planner");
        found.Out.ShouldContain("verified");
        found.Out.ShouldContain("online");
        found.Out.ShouldNotContain("hermit");
        dm.Out.ShouldStartWith("sent #");
        read.Out.ShouldContain("verified) says: got a minute?");
        toPrivate.ExitCode.ShouldBe(toNobody.ExitCode);
        toPrivate.Error.Replace("hermit", "X", StringComparison.Ordinal).ShouldBe(toNobody.Error.Replace("nobody-at-all", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Memory_KeyedValueSharedByMembers_RecallReturnsOnlyMatches()
    {
        var alice = fixture.Agent("mem-alice");
        var bob = fixture.Agent("mem-bob");
        var code = (await alice.RunOkAsync("invite", "--group", "ops")).Out.Trim();
        await bob.RunOkAsync("join", code);

        await alice.RunOkAsync("remember", "--room", "ops", "--key", "deploy", "deploy strategy is rolling");
        await bob.RunOkAsync("remember", "--room", "ops", "--key", "deploy", "deploy strategy is blue-green");
        await alice.RunOkAsync("remember", "--room", "ops", "lunch is at noon");
        var fromAlice = await alice.RunOkAsync("recall", "--room", "ops", "deploy");
        var fromBob = await bob.RunOkAsync("recall", "--room", "ops", "deploy");

        fromAlice.Lines.Count.ShouldBe(1, fromAlice.ToString());
        fromAlice.Out.ShouldContain("deploy strategy is blue-green");
        fromAlice.Out.ShouldNotContain("lunch");
        fromBob.Out.ShouldBe(fromAlice.Out);
    }
}
