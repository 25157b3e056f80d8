namespace Parler.Cli.Tests;

public sealed class MemoryTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task Remember_SameKeyByTwoMembers_BothRecallTheOneCurrentValue()
    {
        var code = (await harness.RunAsync("alma", "invite", "--group", "memory-room")).Lines.Single();
        (await harness.RunAsync("bert", "join", code)).ExitCode.ShouldBe(0);

        (await harness.RunAsync("alma", "remember", "--room", "memory-room", "--key", "deploy", "deploy strategy is rolling")).ExitCode.ShouldBe(0);
        (await harness.RunAsync("alma", "remember", "--room", "memory-room", "lunch is at noon")).ExitCode.ShouldBe(0);
        var overwrite = await harness.RunAsync("bert", "remember", "--room", "memory-room", "--key", "deploy", "deploy strategy is blue-green");
        overwrite.ExitCode.ShouldBe(0);
        overwrite.Out.ShouldContain("(key: deploy)");

        foreach (var who in new[] { "alma", "bert" })
        {
            var recall = await harness.RunAsync(who, "recall", "--room", "memory-room", "deploy");
            recall.ExitCode.ShouldBe(0);
            var line = recall.Lines.ShouldHaveSingleItem();
            line.ShouldContain("] bert (pa");
            line.ShouldContain("): deploy strategy is blue-green  (key: deploy)");
        }

        var json = await harness.RunAsync("alma", "recall", "--room", "memory-room", "strategy", "--json");
        json.Out.ShouldContain("\"key\":\"deploy\"");
        json.Out.ShouldNotContain("rolling");
    }

    [Fact]
    public async Task Recall_NonMember_IsNotFound()
    {
        (await harness.RunAsync("cleo", "invite", "--group", "closed-memory")).ExitCode.ShouldBe(0);
        var remembered = await harness.RunAsync("cleo", "remember", "--room", "closed-memory", "the launch code is in the vault");
        var roomId = remembered.Out.Split(' ', StringSplitOptions.TrimEntries).Single(w => w.StartsWith("rm_", StringComparison.Ordinal));

        var recall = await harness.RunAsync("drew", "recall", "--room", roomId, "launch");
        var remember = await harness.RunAsync("drew", "remember", "--room", roomId, "sneaky");

        recall.ExitCode.ShouldBe(ExitCodes.NotFound);
        recall.Out.ShouldBeEmpty();
        remember.ExitCode.ShouldBe(ExitCodes.NotFound);
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("deploy) OR (\"x")]
    public async Task Recall_HostileQueryText_DoesNotError(string query)
    {
        (await harness.RunAsync("elle", "remember", "deploy notes for later")).ExitCode.ShouldBe(0);

        var result = await harness.RunAsync("elle", "recall", query);

        result.ExitCode.ShouldBe(0, result.Error);
    }

    [Fact]
    public async Task Recall_EmptyQuery_IsRefused()
    {
        var result = await harness.RunAsync("finn", "recall", "  ");

        result.ExitCode.ShouldBe(ExitCodes.Refused);
        result.Error.ShouldContain("'q' is required");
    }

    [Fact]
    public async Task Recall_PrivateMemory_OnlyItsOwnerFindsIt()
    {
        (await harness.RunAsync("gwen", "remember", "--key", "editor", "my editor is helix")).Out.ShouldContain("in private");

        var own = await harness.RunAsync("gwen", "recall", "editor");
        var other = await harness.RunAsync("hugo", "recall", "editor");

        own.Lines.ShouldHaveSingleItem().ShouldContain("my editor is helix  (key: editor)");
        other.ExitCode.ShouldBe(0);
        other.Out.ShouldBeEmpty();
    }
}
