using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Live agents with the built binary: the turn comes back to the addressee, the Stop hook, the inbox.</summary>
public sealed class LiveAgentTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RecvWatch_HandoffToSomeoneElse_KeepsWatchingAndToTheCallerByIdPrefix_ExitsZero()
    {
        var team = await fixture.TeamAsync("watch-room");
        var carol = fixture.Agent("carol");
        var code = (await team.Alice.RunOkAsync("invite", "--group", "watch-room")).Out.Trim();
        await carol.RunOkAsync("join", code);
        await using var watcher = team.Bob.Start("recv", "--room", "watch-room", "--watch");

        await LiveAgents.HandoffAsync(team.Alice, "watch-room", "carol", "not yours", "carol's step");
        await team.Alice.RunOkAsync("send", "--room", "watch-room", "after the handoff to carol");
        await watcher.WaitForOutputAsync(l => l.Contains("says: after the handoff to carol", StringComparison.Ordinal), Deadline, "the message after carol's handoff");
        watcher.HasExited.ShouldBeFalse(watcher.Transcript());
        watcher.Output.ShouldNotContain(l => l.Contains("HANDOFF TO YOU", StringComparison.Ordinal));

        await LiveAgents.HandoffAsync(team.Alice, "watch-room", LiveAgents.IdOf(team.Bob)[..10], "rotation done", "wire the login UI");

        (await watcher.WaitForExitAsync(Deadline)).ShouldBe(0, watcher.Transcript());
        watcher.Output.ShouldContain(l => l.Contains("=== HANDOFF TO YOU from alice", StringComparison.Ordinal));
        watcher.Output.ShouldContain(l => l.Contains("next: wire the login UI", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecvFollow_HandoffToTheCaller_KeepsFollowing()
    {
        var team = await fixture.TeamAsync("follow-room");
        await using var follower = team.Bob.Start("recv", "--room", "follow-room", "--follow");

        await LiveAgents.HandoffAsync(team.Alice, "follow-room", "bob", "s", "n");
        await team.Alice.RunOkAsync("send", "--room", "follow-room", "still here");

        await follower.WaitForOutputAsync(l => l.Contains("says: still here", StringComparison.Ordinal), Deadline, "the message after the handoff");
        follower.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task Handoff_UnknownOrAmbiguousTarget_RefusedWithTheCandidatesAndAUniqueIdPrefixReachesTheOneMember()
    {
        var team = await fixture.TeamAsync("target-room");
        var otherBob = fixture.Agent("bob");
        await otherBob.RunOkAsync("join", (await team.Alice.RunOkAsync("invite", "--group", "target-room")).Out.Trim());

        var unknown = await team.Alice.RunAsync("handoff", "--room", "target-room", "--for", "webdev", "--summary", "s", "--next", "n");
        var ambiguous = await team.Alice.RunAsync("handoff", "--room", "target-room", "--for", "bob", "--summary", "s", "--next", "n");
        var byRole = await team.Alice.RunAsync("handoff", "--room", "target-room", "--for", "member", "--summary", "s", "--next", "n");

        unknown.ExitCode.ShouldBe(5, unknown.ToString());
        unknown.Error.ShouldContain("No active member of this room is 'webdev'");
        unknown.Error.ShouldContain($"bob ({LiveAgents.IdOf(team.Bob)}, member)");
        unknown.Error.ShouldContain($"alice ({LiveAgents.IdOf(team.Alice)}, owner)");
        ambiguous.ExitCode.ShouldBe(6, ambiguous.ToString());
        ambiguous.Error.ShouldContain("'bob' matches 2 members");
        ambiguous.Error.ShouldContain(LiveAgents.IdOf(otherBob));
        byRole.ExitCode.ShouldBe(6, byRole.ToString());
        var byPrefix = await team.Alice.RunAsync("handoff", "--room", "target-room", "--for", LiveAgents.IdOf(otherBob)[..9], "--summary", "s", "--next", "n");
        byPrefix.ExitCode.ShouldBe(0, byPrefix.ToString());
        (await otherBob.RunOkAsync("recv", "--room", "target-room")).Out.ShouldContain("=== HANDOFF TO YOU from alice");
        (await team.Bob.RunOkAsync("recv", "--room", "target-room")).Out.ShouldNotContain("HANDOFF TO YOU");
    }

    [Fact]
    public async Task HookStop_HandoffWaiting_BlocksWithThePeerTextFramedOnceAndNothingWaiting_LetsTheTurnEnd()
    {
        var team = await fixture.TeamAsync("hook-room");
        var quick = new Dictionary<string, string?> { ["PARLER_WAKE_WAIT_SECS"] = "1" };
        await using (var idle = LiveAgents.Start(team.Bob, quick, "hook", "stop"))
        {
            (await idle.WaitForExitAsync(Deadline)).ShouldBe(0, idle.Transcript());
            idle.Output.ShouldBeEmpty(idle.Transcript());
        }

        var handoff = await LiveAgents.HandoffAsync(team.Alice, "hook-room", "bob", "endpoints in src/auth.rs", "wire the login UI");
        await using var hook = LiveAgents.Start(team.Bob, new Dictionary<string, string?> { ["PARLER_WAKE_WAIT_SECS"] = "20" }, "hook", "stop");

        (await hook.WaitForExitAsync(Deadline)).ShouldBe(0, hook.Transcript());
        var decision = JsonNode.Parse(hook.Output.Single())!;
        decision["decision"]!.GetValue<string>().ShouldBe("block");
        var reason = decision["reason"]!.GetValue<string>();
        reason.ShouldContain($"=== HANDOFF TO YOU === handoff {handoff} in room 'hook-room'");
        reason.ShouldContain("<<peer-content id=");
        reason.ShouldContain("summary: endpoints in src/auth.rs\nnext: wire the login UI\n<</peer-content");
        reason.ShouldContain("signature verified");

        await using var again = LiveAgents.Start(team.Bob, quick, "hook", "stop");
        (await again.WaitForExitAsync(Deadline)).ShouldBe(0);
        again.Output.ShouldBeEmpty("one handoff wakes the agent once");
        (await team.Bob.RunOkAsync("recv", "--room", "hook-room")).Out.ShouldContain("HANDOFF TO YOU", customMessage: "the hook leaves the read cursor alone");
    }

    [Fact]
    public async Task HookStop_HandoffArrivesWhileWaiting_Blocks()
    {
        var team = await fixture.TeamAsync("hook-live");
        await using var hook = LiveAgents.Start(team.Bob, new Dictionary<string, string?> { ["PARLER_WAKE_WAIT_SECS"] = "25" }, "hook", "stop");
        var marks = Path.Combine(team.Bob.Home, "wake.json");
        await LiveAgents.WaitForLinesAsync(marks, lines => lines.Length > 0, Deadline, "the hook's first pass");

        await LiveAgents.HandoffAsync(team.Alice, "hook-live", "bob", "live", "take it");

        (await hook.WaitForExitAsync(Deadline)).ShouldBe(0, hook.Transcript());
        hook.Output.Single().ShouldContain("\"decision\":\"block\"");
    }

    [Fact]
    public async Task Recv_NoRoom_ShowsTheDmAndEachRoomGroupedThenNothingNew()
    {
        var team = await fixture.TeamAsync("inbox-room");
        await team.Bob.RunAsync("recv", "--room", "inbox-room");
        await team.Alice.RunOkAsync("send", "--to", "bob", "psst, a private word");
        await team.Alice.RunOkAsync("send", "--room", "inbox-room", "all hands at ten");

        var inbox = await team.Bob.RunOkAsync("recv");

        var lines = inbox.Lines.ToList();
        var dm = lines.FindIndex(l => l.StartsWith("== DM with alice (", StringComparison.Ordinal));
        var room = lines.FindIndex(l => l.StartsWith("== room 'inbox-room' (", StringComparison.Ordinal));
        dm.ShouldBeGreaterThanOrEqualTo(0, inbox.ToString());
        room.ShouldBeGreaterThan(dm, inbox.ToString());
        lines.FindIndex(l => l.EndsWith("says: psst, a private word", StringComparison.Ordinal)).ShouldBeInRange(dm + 1, room - 1);
        lines.FindIndex(l => l.EndsWith("says: all hands at ten", StringComparison.Ordinal)).ShouldBeGreaterThan(room);
        (await team.Bob.RunOkAsync("recv")).Error.ShouldContain("nothing new in any room or DM");
    }
}
