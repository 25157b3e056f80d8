using System.Net;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests.WebConsole;

/// <summary>Two hubs on one PostgreSQL database: a console sign-in link works once across both, and its session on either.</summary>
[Trait("Category", "Postgres")]
public sealed class MultiHubConsoleTests(PostgresHubFixture fixture) : IClassFixture<PostgresHubFixture>
{
    private const int Rounds = 4;

    [Fact]
    public async Task SignInLink_SpentOnBothHubsAtOnce_WorksExactlyOnceAndItsSessionOnEither()
    {
        var second = await fixture.AddHubAsync();
        var alice = fixture.Agent("alice");
        for (var round = 0; round < Rounds; round++)
        {
            var link = new Uri((await alice.RunOkAsync("console", "--print")).Out.Trim());
            using var one = Browser(fixture.HubUrl);
            using var two = Browser(second.Url);

            var answers = await Task.WhenAll(one.Http.GetAsync(link.PathAndQuery), two.Http.GetAsync(link.PathAndQuery));

            answers.Select(a => (int)a.StatusCode).Order().ToList().ShouldBe([303, 401], $"round {round}");
            var (winner, other) = answers[0].StatusCode == HttpStatusCode.SeeOther ? (one, second.Url) : (two, fixture.HubUrl);
            var cookie = winner.Cookies.GetCookies(winner.Http.BaseAddress!)["parler_console"]!;
            using var elsewhere = Browser(other);
            elsewhere.Cookies.Add(new Uri(other), new Cookie(cookie.Name, cookie.Value));
            (await elsewhere.Http.GetAsync("/v1/console/session")).StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: the session works on the other hub");
        }
    }

    private static Browser Browser(string hub) => new(new Uri(hub));
}
