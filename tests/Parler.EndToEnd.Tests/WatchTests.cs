using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

public sealed class WatchTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task RecvWatch_MessagePostedAfterStart_PrintedWithinDeadline()
    {
        var team = await fixture.TeamAsync();
        await using var watcher = team.Bob.Start("recv", "--room", "team", "--watch");
        await watcher.WaitForOutputAsync(l => l.EndsWith("* you joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the backlog up to bob's join");
        watcher.Output.ShouldNotContain(l => l.Contains("live one", StringComparison.Ordinal));

        await team.Alice.RunOkAsync("send", "--room", "team", "live one");

        var line = await watcher.WaitForOutputAsync(l => l.Contains(" says: live one", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the message posted after the watch began");
        line.ShouldContain("verified");
        watcher.HasExited.ShouldBeFalse();
    }
}
