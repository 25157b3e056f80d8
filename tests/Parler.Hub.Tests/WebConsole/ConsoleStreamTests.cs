using System.Net;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.WebConsole;

/// <summary>The console's live stream in a busy room: its access re-checks are not requests against its rate limit.</summary>
public sealed class ConsoleStreamTests(HubFixture hub) : IClassFixture<HubFixture>
{
    /// <summary>Over the console's 600 requests a minute, each delivered alone so each is one wake-up and one re-check.</summary>
    private const int Posts = 610;

    [Fact]
    public async Task Stream_BusyRoom_RechecksWithoutSpendingTheConsoleLimit()
    {
        var alice = hub.NewClient("alice-busy");
        var bob = hub.NewClient("bob-busy");
        var room = await alice.CreateRoomAsync("busy", "channel", CancellationToken.None);
        await bob.RedeemInviteAsync((await alice.MintInviteAsync(room.Id, null, null, CancellationToken.None)).Code, CancellationToken.None);
        using var browser = new FakeBrowser(hub.Url);
        var link = (await alice.CallAsync(HttpMethod.Post, "/v1/console/links", [], null, CancellationToken.None))["path"]!.GetValue<string>();
        (await browser.Http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var head = (await alice.PostMessageAsync(room.Id, "start", null, deadline.Token)).Seq;
        using var stream = await browser.Http.GetAsync($"/v1/rooms/{room.Id}/stream?after={head}", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        stream.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(deadline.Token));

        for (var i = 0; i < Posts; i++)
        {
            // Notes, not posts: a stream re-checks its access at a fact that may end it (any but a post), so each of
            // these is one wake-up and one re-check. Two authors, so neither meets the agents' own per-minute limits.
            var seq = (await (i % 2 == 0 ? alice : bob).RememberAsync(room.Id, $"busy {i}", null, deadline.Token)).Seq;
            (await NextIdAsync(reader, deadline.Token)).ShouldBe(seq, $"note {i} did not arrive on the console's stream");
        }

        (await browser.Http.GetAsync("/v1/console/session", deadline.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<long?> NextIdAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                return long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
