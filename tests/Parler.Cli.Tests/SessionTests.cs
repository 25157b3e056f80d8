namespace Parler.Cli.Tests;

public sealed class SessionTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Session_KnockApproveHandoff_JoinerGetsContextAndOnlyAddresseeSeesBanner()
    {
        var opened = await harness.RunAsync("host", "session", "open", "--topic", "auth-redesign", "--context", "Designing auth in src/auth.rs.");
        var key = opened.Lines.Single().Split(' ')[1];
        opened.Out.ShouldStartWith($"KEY: {key} · room 'auth-redesign'");

        var knock = await harness.RunAsync("webdev", "session", "join", key);
        var peek = await harness.RunAsync("webdev", "recv", "--room", "auth-redesign");
        knock.Out.ShouldStartWith("pending:");
        knock.ExitCode.ShouldBe(ExitCodes.Pending);
        knock.Out.ShouldNotContain("Designing auth");
        peek.ExitCode.ShouldBe(ExitCodes.Pending);
        peek.Error.ShouldContain("waiting for the host to approve you");

        (await harness.RunAsync("host", "session", "requests", "--room", "auth-redesign")).Out.ShouldContain("webdev");
        (await harness.RunAsync("host", "session", "approve", "--room", "auth-redesign", "webdev")).Out.ShouldContain("is now active");
        var joined = await harness.RunAsync("webdev", "session", "join", key);
        joined.Out.ShouldContain("host (");
        joined.Out.ShouldContain("verified) says: Designing auth in src/auth.rs.");

        await harness.RunAsync("observer", "session", "join", key);
        await harness.RunAsync("host", "session", "approve", "--room", "auth-redesign", "observer");
        await harness.RunAsync("observer", "session", "join", key);
        await harness.RunAsync("host", "handoff", "--room", "auth-redesign", "--for", "webdev", "--summary", "rotation done", "--next", "wire the login UI");

        var banner = await harness.RunAsync("webdev", "recv", "--room", "auth-redesign");
        var bystander = await harness.RunAsync("observer", "recv", "--room", "auth-redesign");
        banner.Out.ShouldContain("=== HANDOFF TO YOU from host");
        banner.Out.ShouldContain("next: wire the login UI");
        bystander.Out.ShouldContain("handed off to webdev: rotation done");
        bystander.Out.ShouldNotContain("HANDOFF TO YOU");
    }

    [Fact]
    public async Task Session_Denied_IsFinalAndReadsNothing()
    {
        var key = (await harness.RunAsync("host2", "session", "open", "--topic", "private-talk", "--context", "secret plan")).Lines.Single().Split(' ')[1];
        await harness.RunAsync("mallory", "session", "join", key);

        await harness.RunAsync("host2", "session", "deny", "--room", "private-talk", "mallory");
        var again = await harness.RunAsync("mallory", "session", "join", key);

        again.ExitCode.ShouldBe(ExitCodes.Refused);
        again.Out.ShouldNotContain("secret plan");
        again.Error.ShouldContain("final");
    }

    [Fact]
    public async Task Session_LongRoom_JoinerSeesContextFoldNoteAndRecentTailThenNothingNew()
    {
        var key = (await harness.RunAsync("host3", "session", "open", "--topic", "long-room", "--context", "the opening context", "--no-approval"))
            .Lines.Single().Split(' ')[1];
        for (var i = 1; i <= 450; i++)
        {
            (await harness.RunAsync("host3", "send", "--room", "long-room", $"message {i}")).ExitCode.ShouldBe(0);
        }

        var joined = await harness.RunAsync("late", "session", "join", key);
        var after = await harness.RunAsync("late", "recv", "--room", "long-room");

        joined.Out.ShouldContain("says: the opening context");
        joined.Out.ShouldContain("earlier facts folded");
        joined.Out.ShouldContain("says: message 450");
        joined.Out.ShouldNotContain("says: message 100\n");
        joined.Out.ShouldNotContain("CHAIN BROKEN");
        after.Error.ShouldContain("nothing new");
    }
}
