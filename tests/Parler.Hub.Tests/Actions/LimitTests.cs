using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Parler.Client;
using Parler.Core.Identity;
using Parler.Hub.Limits;

namespace Parler.Hub.Tests.Actions;

/// <summary>Quotas kept in the record: shared by fresh identities on one address, surviving a restart, with a true Retry-After.</summary>
public sealed partial class LimitTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parler-limits-").FullName;
    private readonly List<HubClient> _clients = [];
    private readonly FakeTime _time = new();
    private HubHost? _hub;

    [Fact]
    public async Task Redeem_WrongCodesFromFreshIdentitiesOnOneAddress_AreLimitedTogether()
    {
        await StartAsync(new HubLimits { FailedInvitesPerAgent = 1000, FailedInvitesPerAddress = 10 });
        for (var i = 0; i < 10; i++)
        {
            (await Should.ThrowAsync<HubClientException>(() => NewClient($"guesser-{i}").RedeemInviteAsync($"WRONG{i:D3}", CancellationToken.None)))
                .Code.ShouldBe("invite_invalid");
        }

        var limited = await Should.ThrowAsync<HubClientException>(() => NewClient("guesser-new").RedeemInviteAsync("WRONG999", CancellationToken.None));

        limited.Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Redeem_WrongCodesThenARestart_StillLimited()
    {
        var limits = new HubLimits { FailedInvitesPerAgent = 3 };
        await StartAsync(limits);
        var guesser = NewClient("guesser");
        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<HubClientException>(() => guesser.RedeemInviteAsync($"WRONG{i:D3}", CancellationToken.None));
        }

        await _hub!.DisposeAsync();
        await StartAsync(limits);
        guesser = NewClient("guesser", guesser.Identity);

        var limited = await Should.ThrowAsync<HubClientException>(() => guesser.RedeemInviteAsync("WRONG999", CancellationToken.None));

        limited.Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task RateLimited_RetryAfter_AgreesWithTheWordsAndTheWindow()
    {
        await StartAsync(new HubLimits { FailedInvitesPerAgent = 1 });
        _time.Advance(TimeSpan.FromMinutes(3));
        var guesser = NewClient("guesser");
        await Should.ThrowAsync<HubClientException>(() => guesser.RedeemInviteAsync("WRONG001", CancellationToken.None));
        using var http = new HttpClient { BaseAddress = _hub!.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await guesser.SignInAsync(CancellationToken.None)).Token);

        var answer = await http.PostAsJsonAsync("/v1/invites/redeem", new { code = "WRONG002" });
        var detail = (await answer.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["detail"]!.GetValue<string>();

        answer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var seconds = answer.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        seconds.ShouldBe(HubLimits.InviteWindow.TotalSeconds - (now % (long)HubLimits.InviteWindow.TotalMilliseconds / 1000), 1);
        int.Parse(Minutes().Match(detail).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe((int)Math.Ceiling(seconds / 60));
    }

    [Fact]
    public async Task PostMessage_OverTheAgentsMinute_IsRateLimitedUntilTheNextMinute()
    {
        await StartAsync(new HubLimits { MessagesPerAgentPerMinute = 5 });
        var author = NewClient("chatty");
        var room = (await author.CreateRoomAsync("busy", "channel", CancellationToken.None)).Id;
        for (var i = 0; i < 5; i++)
        {
            await author.PostMessageAsync(room, $"message {i}", null, CancellationToken.None);
        }

        var limited = await Should.ThrowAsync<HubClientException>(() => author.PostMessageAsync(room, "one too many", null, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        var later = await author.PostMessageAsync(room, "next minute", null, CancellationToken.None);

        limited.Code.ShouldBe("rate_limited");
        later.Seq.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SignIn_OverTheAgentsHour_IsRateLimited()
    {
        await StartAsync(new HubLimits { SignInsPerAgentPerHour = 3 });
        var agent = NewClient("restless");
        for (var i = 0; i < 3; i++)
        {
            await agent.SignInAsync(CancellationToken.None);
        }

        (await Should.ThrowAsync<HubClientException>(() => agent.SignInAsync(CancellationToken.None))).Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Upload_OverTheAgentsHourlyBytes_IsRateLimited()
    {
        await StartAsync(new HubLimits { BlobBytesPerAgentPerHour = 10 });
        var agent = NewClient("uploader");
        var room = (await agent.CreateRoomAsync("blobs", "channel", CancellationToken.None)).Id;
        using var first = new MemoryStream(new byte[8]);
        await agent.UploadBlobAsync(room, first, CancellationToken.None);
        using var second = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        (await Should.ThrowAsync<HubClientException>(() => agent.UploadBlobAsync(room, second, CancellationToken.None))).Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task CreateRoom_OverTheRoomsOwned_IsRefused()
    {
        await StartAsync(new HubLimits { RoomsOwnedPerAgent = 2 });
        var agent = NewClient("collector");
        await agent.CreateRoomAsync("one", "channel", CancellationToken.None);
        await agent.CreateRoomAsync("two", "channel", CancellationToken.None);

        (await Should.ThrowAsync<HubClientException>(() => agent.CreateRoomAsync("three", "channel", CancellationToken.None))).Code.ShouldBe("rate_limited");
    }

    [Fact]
    public async Task SignIn_PastTheLiveTokenCap_RevokesTheTokenThatExpiresFirstAndKeepsTheRest()
    {
        await StartAsync(new HubLimits { ActiveTokensPerAgent = 3 });
        var agent = NewClient("many-sessions");
        var tokens = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tokens.Add((await agent.SignInAsync(CancellationToken.None)).Token);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var answers = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            using var http = new HttpClient { BaseAddress = _hub!.Url };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.GetAsync("/v1/rooms");
            answers.Add(answer.StatusCode);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                (await answer.Content.ReadAsStringAsync()).ShouldContain("token_revoked");
            }
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"Try again in (\d+) minutes")]
    private static partial Regex Minutes();

    private async Task StartAsync(HubLimits limits) =>
        _hub = await HubHost.StartAsync(
            new HubOptions { Address = "127.0.0.1:0", DatabasePath = Path.Combine(_folder, "hub.db"), Limits = limits }, _time, null, CancellationToken.None);

    private HubClient NewClient(string name, AgentIdentity? identity = null)
    {
        var client = new HubClient(
            _hub!.Url, identity ?? new AgentIdentity(AgentKey.Generate(), name), new TokenCache(Path.Combine(_folder, name + _clients.Count)), _time);
        _clients.Add(client);
        return client;
    }
}
