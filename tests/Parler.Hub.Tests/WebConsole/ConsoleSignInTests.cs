using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parler.Client;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.WebConsole;

/// <summary>The console's sign-in link, its cookie, and what the cookie may and may not do.</summary>
public sealed class ConsoleSignInTests(HubFixture hub) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Link_Exchanged_SetsAStrictHttpOnlyCookieAndRedirectsWithoutTheCode()
    {
        var link = await LinkAsync(hub.NewClient("alice-link"));
        using var browser = Browser();

        var exchanged = await browser.Http.GetAsync(link);

        exchanged.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        exchanged.Headers.Location!.ToString().ShouldBe("/console");
        var cookie = exchanged.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldStartWith("parler_console=plc_");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        (await browser.Http.GetStringAsync("/v1/console/session")).ShouldContain("\"mode\":\"owner\"");
    }

    [Fact]
    public async Task Link_UsedTwice_SecondIsRefused()
    {
        var link = await LinkAsync(hub.NewClient("alice-twice"));
        using var first = Browser();
        using var second = Browser();

        (await first.Http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var again = await second.Http.GetAsync(link);

        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"token_invalid\"");
    }

    [Fact]
    public async Task Link_AfterTwoMinutes_IsRefused()
    {
        var link = await LinkAsync(hub.NewClient("alice-late"));
        hub.Time.Advance(TimeSpan.FromMinutes(3));
        using var browser = Browser();

        (await browser.Http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ConsoleSecret_SentAsBearer_IsRefused()
    {
        var link = await LinkAsync(hub.NewClient("alice-bearer"));
        using var browser = Browser();
        await browser.Http.GetAsync(link);
        var secret = browser.Cookies.GetCookies(hub.Url)["parler_console"]!.Value;
        using var agent = new HttpClient { BaseAddress = hub.Url };
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var refused = await agent.GetAsync("/v1/rooms");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("only in the console");
    }

    [Fact]
    public async Task BearerToken_InTheCookie_IsNotAccepted()
    {
        var token = await hub.NewClient("alice-cookie").SignInAsync(CancellationToken.None);
        using var browser = Browser();
        browser.Cookies.Add(hub.Url, new Cookie("parler_console", token.Token));

        (await browser.Http.GetAsync("/v1/rooms")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_OnAnActionTheConsoleDoesNotCall_IsRefused()
    {
        using var browser = await SignedInAsync(hub.NewClient("alice-scope"));

        var refused = await browser.Http.GetAsync("/v1/cards");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"token_scope\"");
    }

    [Fact]
    public async Task StateChange_WithoutCsrfHeader_IsRefusedAndWithItPasses()
    {
        var alice = hub.NewClient("alice-csrf");
        var (room, _) = await alice.OpenSessionAsync("csrf-room", "context", approval: true, null, null, CancellationToken.None);
        using var browser = await SignedInAsync(alice);
        var csrf = JsonNode.Parse(await browser.Http.GetStringAsync("/v1/console/session"))!["csrf"]!.GetValue<string>();

        var without = await browser.Http.PostAsync($"/v1/rooms/{room.Id}/requests/nobody/deny", Json("{}"));
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, $"/v1/rooms/{room.Id}/requests/nobody/deny") { Content = Json("{}") };
        withHeader.Headers.Add("X-Parler-Csrf", csrf);
        var with = await browser.Http.SendAsync(withHeader);

        without.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await without.Content.ReadAsStringAsync()).ShouldContain("\"code\":\"csrf_required\"");
        (await with.Content.ReadAsStringAsync()).ShouldNotContain("csrf_required");
    }

    [Fact]
    public async Task Viewer_ReadsItsRoomButCannotActOrSeeAnother()
    {
        var alice = hub.NewClient("alice-viewer");
        var watched = await alice.CreateRoomAsync("watched", "channel", CancellationToken.None);
        var other = await alice.CreateRoomAsync("other", "channel", CancellationToken.None);
        var viewer = await alice.CallAsync(HttpMethod.Post, $"/v1/rooms/{watched.Id}/viewers", [], "viewer-key", CancellationToken.None);
        using var browser = Browser();
        (await browser.Http.GetAsync(viewer["path"]!.GetValue<string>())).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var csrf = JsonNode.Parse(await browser.Http.GetStringAsync("/v1/console/session"))!["csrf"]!.GetValue<string>();

        var read = await browser.Http.GetAsync($"/v1/rooms/{watched.Id}/messages?after=0");
        var elsewhere = await browser.Http.GetAsync($"/v1/rooms/{other.Id}/messages?after=0");
        using var act = new HttpRequestMessage(HttpMethod.Post, $"/v1/rooms/{watched.Id}/requests/nobody/approve") { Content = Json("{}") };
        act.Headers.Add("X-Parler-Csrf", csrf);
        var acted = await browser.Http.SendAsync(act);
        var rooms = JsonNode.Parse(await browser.Http.GetStringAsync("/v1/rooms"))!["rooms"]!.AsArray();

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        elsewhere.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        acted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        rooms.Select(r => r!["id"]!.GetValue<string>()).ShouldBe([watched.Id]);

        await alice.RevokeTokenAsync(viewer["viewer_id"]!.GetValue<string>(), CancellationToken.None);
        (await browser.Http.GetAsync($"/v1/rooms/{watched.Id}/messages?after=0")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Console_OverItsOwnLimit_IsRateLimitedWhileTheAgentIsNot()
    {
        var alice = hub.NewClient("alice-limit");
        using var browser = await SignedInAsync(alice);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 601; i++)
        {
            statuses.Add((await browser.Http.GetAsync("/v1/console/session")).StatusCode);
        }

        statuses.Take(599).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        (await alice.ListRoomsAsync(CancellationToken.None)).ShouldNotBeNull();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> LinkAsync(HubClient client) =>
        (await client.CallAsync(HttpMethod.Post, "/v1/console/links", [], null, CancellationToken.None))["path"]!.GetValue<string>();

    private async Task<FakeBrowser> SignedInAsync(HubClient client)
    {
        var browser = Browser();
        (await browser.Http.GetAsync(await LinkAsync(client))).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        return browser;
    }

    private FakeBrowser Browser() => new(hub.Url);
}
