namespace Parler.Cli.Tests;

public sealed class CardCommandTests(CliHarness harness) : IClassFixture<CliHarness>
{
    [Fact]
    public async Task RegisterDiscoverSendTo_ThenRecv_DeliversTheDm()
    {
        var registered = await harness.RunAsync(
            "planner", "register", "--public", "--tag", "planning", "--skill", "decompose", "--describe", "Decomposes goals into ordered plans.");
        var retagged = await harness.RunAsync("planner", "register", "--role", "planner");

        var found = await harness.RunAsync("asker", "discover", "--public", "--tag", "planning");
        var sent = await harness.RunAsync("asker", "send", "--to", "planner", "got a minute?");
        var rooms = await harness.RunAsync("planner", "rooms");
        var dmName = rooms.Lines.Single(l => l.StartsWith("dm-", StringComparison.Ordinal)).Split(' ')[0];
        var received = await harness.RunAsync("planner", "recv", "--room", dmName);

        registered.ExitCode.ShouldBe(0, registered.Error);
        retagged.ExitCode.ShouldBe(0, retagged.Error);
        found.ExitCode.ShouldBe(0, found.Error);
        found.Lines[0].ShouldStartWith("NAME");
        found.Lines.Skip(1).ShouldHaveSingleItem().ShouldContain("verified");
        found.Out.ShouldContain("[planning]");
        found.Out.ShouldContain("Decomposes goals");
        sent.ExitCode.ShouldBe(0, sent.Error);
        received.Out.ShouldContain("says: got a minute?");
        received.Out.ShouldContain("* you joined as member");
    }

    [Fact]
    public async Task Card_Json_ShowsTheMergedCard()
    {
        await harness.RunAsync("carder", "register", "--public", "--tag", "one", "--describe", "First words.");
        await harness.RunAsync("carder", "register", "--skill", "review");
        var found = await harness.RunAsync("viewer", "discover", "First words", "--json");
        var id = found.Out.Split("\"agent\":\"")[1].Split('"')[0];

        var shown = await harness.RunAsync("viewer", "card", id, "--json");
        var human = await harness.RunAsync("viewer", "card", id);

        shown.ExitCode.ShouldBe(0, shown.Error);
        shown.Out.ShouldContain("\"tags\":[\"one\"]");
        shown.Out.ShouldContain("\"skills\":[\"review\"]");
        shown.Out.ShouldContain("\"visibility\":\"public\"");
        human.Out.ShouldContain("signature:   verified");
    }

    [Fact]
    public async Task Send_WithBothRoomAndTo_IsUsageError()
    {
        var both = await harness.RunAsync("usage-dm", "send", "--room", "r", "--to", "x", "hi");
        var neither = await harness.RunAsync("usage-dm", "send", "hi");

        both.ExitCode.ShouldBe(ExitCodes.Usage);
        neither.ExitCode.ShouldBe(ExitCodes.Usage);
        neither.Error.ShouldContain("--to");
    }
}
