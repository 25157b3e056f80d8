using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Two hubs on one PostgreSQL database: agents connected to different hubs share a room live.</summary>
[Trait("Category", "Postgres")]
public sealed class MultiHubTests(PostgresHubFixture fixture) : IClassFixture<PostgresHubFixture>
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TwoHubs_AgentsOnEach_WatchersWokenByTheOtherHubsWrites()
    {
        var second = await fixture.AddHubAsync();
        var team = await fixture.TeamAsync(bobsHub: second.Url);
        await using var bobWatch = team.Bob.Start("recv", "--room", "team", "--watch");
        await using var aliceWatch = team.Alice.Start("recv", "--room", "team", "--watch");
        await bobWatch.WaitForOutputAsync(l => l.EndsWith("* you joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "bob's backlog");
        await aliceWatch.WaitForOutputAsync(l => l.EndsWith("joined as member", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "alice's backlog");

        await team.Alice.RunOkAsync("send", "--room", "team", "from the first hub");
        (await bobWatch.WaitForOutputAsync(l => l.Contains(" says: from the first hub", StringComparison.Ordinal), Live, "alice's message on bob's hub"))
            .ShouldContain("verified");

        await team.Bob.RunOkAsync("send", "--room", "team", "from the second hub");
        (await aliceWatch.WaitForOutputAsync(l => l.Contains(" says: from the second hub", StringComparison.Ordinal), Live, "bob's message on alice's hub"))
            .ShouldContain("verified");

        var onFirst = await team.Bob.On(fixture.HubUrl).RunOkAsync("recv", "--room", "team", "--since", "0");
        var onSecond = await team.Bob.RunOkAsync("recv", "--room", "team", "--since", "0");
        onFirst.Lines.ShouldBe(onSecond.Lines);
    }

    [Fact]
    public async Task HubMigrate_OnTheRunningHubsDatabase_SaysUpToDate()
    {
        var ops = fixture.Agent("ops");

        var migrated = await ops.RunOkAsync("hub", "migrate", "--db", fixture.Database);

        migrated.Out.ShouldBeEmpty(migrated.ToString());
        migrated.Error.ShouldContain("the schema is up to date");
    }

    [Theory]
    [InlineData("mysql://parler@127.0.0.1/parler", "neither a SQLite file nor a PostgreSQL URL")]
    [InlineData("postgres://127.0.0.1/parler", "needs a user and one database")]
    public async Task Hub_BadDatabaseUrl_ExitsWithWhatToWrite(string url, string expected)
    {
        var run = await fixture.Agent("ops").RunAsync("hub", "--addr", "127.0.0.1:0", "--db", url);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(expected);
    }
}
