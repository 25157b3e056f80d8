using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Parler.Hub.Tests.Actions;

namespace Parler.Hub.Tests.Auth;

/// <summary>
/// Tokens are looked up once and then known, until a fact lands in their agent's stream: on this hub at once, on another
/// hub of the same PostgreSQL database as soon as its NOTIFY arrives (the hubs' clock stands still here, so only that
/// notification can end the cached token).
/// </summary>
public sealed class TokenLookupsTests : IAsyncLifetime
{
    private readonly PostgresHubs _hubs = new("parler-token-lookups-");

    [Fact]
    public async Task Token_RevokedOnOneHub_IsRefusedOnTheOtherHubThatKnewIt()
    {
        var first = await _hubs.StartAsync();
        var second = await _hubs.StartAsync();
        var agent = _hubs.Client(first, "agent");
        var token = (await agent.SignInAsync(CancellationToken.None)).Token;
        using var there = new HttpClient { BaseAddress = second.Url };
        (await RoomsAsync(there, token)).ShouldBe(HttpStatusCode.OK);

        using (var revoke = new HttpRequestMessage(HttpMethod.Post, new Uri(first.Url, "/v1/auth/revoke")))
        {
            revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            revoke.Content = JsonContent.Create(new { });
            using var http = new HttpClient();
            (await http.SendAsync(revoke)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && !deadline.IsCancellationRequested)
        {
            status = await RoomsAsync(there, token);
        }

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hubs.DisposeAsync();

    private static async Task<HttpStatusCode> RoomsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/rooms");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
