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
    public async Task LongPoll_OnOneHub_AnsweredByAPostOnTheOther()
    {
        var second = await fixture.AddHubAsync();
        var team = await fixture.TeamAsync(bobsHub: second.Url);
        using var alice = await HubApi.SignInAsync(team.Alice);
        using var bob = await HubApi.SignInAsync(team.Bob);
        var head = (await bob.GetAsync($"/v1/rooms/{team.RoomId}/messages?after=0&limit=500")).Json["events"]!.AsArray().Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var waiting = bob.GetAsync($"/v1/rooms/{team.RoomId}/messages?after={head}&wait=30");
        (await alice.PostMessageAsync(team.RoomId, "wake the other hub", Guid.NewGuid().ToString("N"))).Status.ShouldBe(System.Net.HttpStatusCode.Created);
        var woken = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        woken.Json["events"]!.AsArray().Select(e => e!["data"]!["body"]?.GetValue<string>()).ShouldContain("wake the other hub", woken.ToString());
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "the long-poll should wake on the commit, not at its 30 s deadline");
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
