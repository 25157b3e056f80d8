using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Parler.Core.Protocol;

namespace Parler.Hub.Tests.Actions;

/// <summary>
/// Access ends at once on the push stream too: a stream checks its token and membership again when a fact that may end
/// them lands (a fact in the caller's own stream, a room fact other than a post), so after a revocation or a removal it
/// sends nothing committed after it, and ends. Raced 50 times on each store.
/// </summary>
public sealed class StreamAccessEndsTests : IAsyncLifetime
{
    private const int Rounds = 50;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly StoreHub _hub = new("parler-stream-access-");

    public static TheoryData<string> Stores => StoreHub.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Stream_TokenRevokedWhileOpen_SendsNothingPostedAfterAndEnds(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("ending");
        var reader = _hub.NewClient("reader");
        await reader.RedeemInviteAsync((await owner.MintInviteAsync(room, null, null, CancellationToken.None)).Code, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = _hub.Url, Timeout = Timeout.InfiniteTimeSpan };
        var leaks = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var last = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
            var token = (await reader.SignInAsync(CancellationToken.None)).Token;
            var stream = await OpenAsync(http, token, room, last);
            using (var revoke = Request(HttpMethod.Post, "/v1/auth/revoke", token))
            {
                revoke.Content = JsonContent.Create(new { });
                (await http.SendAsync(revoke)).StatusCode.ShouldBe(HttpStatusCode.Created);
            }

            await owner.PostMessageAsync(room, $"after the revocation {round}", null, CancellationToken.None);
            leaks.AddRange(await stream);
        }

        leaks.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Stream_MemberRemovedWhileOpen_SendsNothingSequencedAfterTheRemovalAndEnds(string store)
    {
        await _hub.StartAsync(store);
        var (owner, room) = await _hub.RoomAsync("ending");
        var code = (await owner.MintInviteAsync(room, null, Rounds, CancellationToken.None)).Code;
        using var http = new HttpClient { BaseAddress = _hub.Url, Timeout = Timeout.InfiniteTimeSpan };
        var leaks = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            var member = _hub.NewClient($"member-{round}");
            await member.RedeemInviteAsync(code, CancellationToken.None);
            var token = (await member.SignInAsync(CancellationToken.None)).Token;
            var last = (await owner.ReadAsync(room, 0, null, null, CancellationToken.None)).Head;
            var stream = await OpenAsync(http, token, room, last);

            // Removal and post go out together, so they often commit in one batch and reach the stream in one wake-up.
            var removal = owner.DecideAsync(room, member.Identity.Id, "remove", CancellationToken.None);
            var post = owner.PostMessageAsync(room, $"after the removal {round}", null, CancellationToken.None);
            await Task.WhenAll(removal, post);
            var sent = await stream;
            var removedAt = (await owner.ReadAsync(room, last, null, null, CancellationToken.None)).Events
                .Single(e => e.Type == "member.removed").Seq;

            leaks.AddRange(sent.Where(seq => seq > removedAt));
        }

        leaks.ShouldBeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _hub.DisposeAsync().AsTask();

    /// <summary>
    /// Opens a raw stream with one token (the client library would sign in again) and returns, once the hub has answered
    /// its headers, a task of the seqs it sent until the hub ended it (failing past the deadline: a stream that never ends leaks).
    /// </summary>
    private static async Task<Task<List<long>>> OpenAsync(HttpClient http, string token, string room, long after)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var request = Request(HttpMethod.Get, $"/v1/rooms/{room}/stream?after={after}", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return ReadAllAsync(request, response);
    }

    private static async Task<List<long>> ReadAllAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        using var _ = request;
        using var __ = response;
        using var deadline = new CancellationTokenSource(Deadline);
        var seqs = new List<long>();
        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                seqs.Add(JsonSerializer.Deserialize(line["data: ".Length..], ProtocolJsonContext.Default.EventView)!.Seq);
            }
        }

        return seqs;
    }




    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
