using Parler.Tests.Shared;

namespace Parler.Cli.Tests;

public sealed class CommandTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Invite_WithoutGroupOrDm_IsUsageError()
    {
        var result = await harness.RunAsync("usage", "invite");

        result.ExitCode.ShouldBe(ExitCodes.Usage);
        result.Error.ShouldContain("--group NAME");
    }

    [Fact]
    public async Task Send_ToHubThatIsDown_ExitsUnreachableWithAHint()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PARLER_HOME"] = harness.Home("offline"),
            ["PARLER_HUB"] = $"http://127.0.0.1:{FreePort.Pick()}",
        };

        var result = await CliHarness.RunWithAsync(environment, "rooms");

        result.ExitCode.ShouldBe(ExitCodes.HubUnreachable);
        result.Error.ShouldContain("parler hub");
    }

    [Fact]
    public async Task Send_RetriedWithTheSameIdempotencyKey_LandsOnce()
    {
        (await harness.RunAsync("kay", "invite", "--group", "retry-room")).ExitCode.ShouldBe(0);

        var first = await harness.RunAsync("kay", "send", "--room", "retry-room", "--idempotency-key", "run-42", "deploy now");
        var again = await harness.RunAsync("kay", "send", "--room", "retry-room", "--idempotency-key", "run-42", "deploy now");

        first.ExitCode.ShouldBe(0, first.Error);
        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldBe(first.Out);
    }

    [Fact]
    public void HubLimitOptions_FlagAndTwin_SetTheirQuotasAndTheFlagWins()
    {
        var options = new Commands.HubLimitOptions();
        var command = new System.CommandLine.RootCommand();
        foreach (var option in options.Options)
        {
            command.Options.Add(option);
        }

        var environment = new Dictionary<string, string?> { ["PARLER_HUB_MAX_ROOMS_PER_AGENT"] = "7", ["PARLER_HUB_MAX_POSTS_PER_AGENT"] = "9", ["PARLER_HUB_MAX_TOKENS_PER_AGENT"] = "11" };
        var host = new CliHost(new StringWriter(), new StringWriter(), name => environment.GetValueOrDefault(name), TimeProvider.System);

        var limits = options.Read(new Commands.CliContext(host, command.Parse(["--max-posts-per-agent", "5"])));

        limits.MessagesPerAgentPerMinute.ShouldBe(5);
        limits.RoomsOwnedPerAgent.ShouldBe(7);
        limits.ActiveTokensPerAgent.ShouldBe(11);
        limits.SignInsPerAgentPerHour.ShouldBe(new Hub.Limits.HubLimits().SignInsPerAgentPerHour);
    }

    [Fact]
    public async Task Join_WrongCode_IsNotFoundWithAdvice()
    {
        var result = await harness.RunAsync("guesser", "join", "ZZZZZZZZ");

        result.ExitCode.ShouldBe(ExitCodes.NotFound);
        result.Error.ShouldContain("No live invite");
    }

    [Fact]
    public async Task Recv_Since_RereadsWithoutMovingTheCursor()
    {
        var code = (await harness.RunAsync("ann", "invite", "--group", "since-room")).Lines.Single();
        (await harness.RunAsync("ben", "join", code)).ExitCode.ShouldBe(0);
        (await harness.RunAsync("ann", "send", "--room", "since-room", "first")).ExitCode.ShouldBe(0);

        var first = await harness.RunAsync("ben", "recv", "--room", "since-room");
        var again = await harness.RunAsync("ben", "recv", "--room", "since-room", "--since", "0");
        var after = await harness.RunAsync("ben", "recv", "--room", "since-room");

        first.Out.ShouldContain("ann (");
        first.Out.ShouldContain("verified) says: first");
        again.Out.ShouldContain("says: first");
        after.Out.ShouldBeEmpty();
        after.Error.ShouldContain("nothing new");
    }

    [Fact]
    public async Task Rooms_Json_ReportsUnreadThenZeroAfterRecv()
    {
        var code = (await harness.RunAsync("cat", "invite", "--group", "unread-room")).Lines.Single();
        await harness.RunAsync("dan", "join", code);
        await harness.RunAsync("cat", "send", "--room", "unread-room", "one");
        await harness.RunAsync("cat", "send", "--room", "unread-room", "two");

        (await harness.RunAsync("dan", "rooms", "--json")).Out.ShouldContain("\"unread\":2");
        await harness.RunAsync("dan", "recv", "--room", "unread-room");
        (await harness.RunAsync("dan", "rooms", "--json")).Out.ShouldContain("\"unread\":0");
    }

    [Fact]
    public async Task Recv_PeerTextWithControlCharacters_IsShownEscaped()
    {
        var code = (await harness.RunAsync("eve", "invite", "--group", "escape-room")).Lines.Single();
        await harness.RunAsync("fay", "join", code);
        await harness.RunAsync("eve", "send", "--room", "escape-room", "hi\u001b[2J\u202Eevil");

        var result = await harness.RunAsync("fay", "recv", "--room", "escape-room");

        result.Out.ShouldNotContain("\u001b");
        result.Out.ShouldNotContain("\u202E");
        result.Out.ShouldContain("\\u{001B}[2J\\u{202E}evil");
    }

    [Fact]
    public async Task Whoami_FirstUse_CreatesIdentityWithChosenName()
    {
        var result = await harness.RunAsync("gus", "whoami");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("name:  gus");
        result.Lines[0].ShouldStartWith("agent: pa");
        File.Exists(Path.Combine(harness.Home("gus"), "identity.json")).ShouldBeTrue();
    }
}
