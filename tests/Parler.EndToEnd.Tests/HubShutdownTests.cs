using System.Net;
using System.Text.Json.Nodes;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Ctrl+C stops the hub cleanly, and the record it leaves is what the next hub serves. Each test stops its own hub.</summary>
public sealed class HubShutdownTests : IAsyncLifetime
{
    private readonly HubFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Hub_Interrupted_ExitsZeroAndRestartSeesPreviousData()
    {
        var team = await _fixture.TeamAsync();
        await team.Alice.RunOkAsync("send", "--room", "team", "said before the restart");

        await _fixture.Hub.InterruptAsync();
        var exit = await _fixture.Hub.Process.WaitForExitAsync(TimeSpan.FromSeconds(15));
        exit.ShouldBe(0, _fixture.Hub.Process.Transcript());

        await _fixture.RestartHubAsync();
        var received = await team.Bob.RunOkAsync("recv", "--room", "team");
        received.Lines.ShouldContain(l => l.EndsWith(", verified) says: said before the restart", StringComparison.Ordinal), received.ToString());
        var rooms = JsonNode.Parse((await team.Alice.RunOkAsync("rooms", "--json")).Out)!["rooms"]!.AsArray();
        rooms.Single()!["members"]!.GetValue<int>().ShouldBe(2);
        rooms.Single()!["id"]!.GetValue<string>().ShouldBe(team.RoomId);
    }

    [Fact]
    public async Task Hub_InterruptedDuringLongPoll_NeverAnswersWithAnEmptySuccess()
    {
        var team = await _fixture.TeamAsync();
        using var bob = await HubApi.SignInAsync(team.Bob);
        var head = (await bob.GetAsync("/v1/rooms")).Json["rooms"]![0]!["head"]!.GetValue<long>();
        var longPoll = bob.GetAsync($"/v1/rooms/{team.RoomId}/messages?after={head}&wait=30");
        (await bob.GetAsync("/v1")).Status.ShouldBe(HttpStatusCode.OK);
        longPoll.IsCompleted.ShouldBeFalse("the long-poll should be waiting for news");

        await _fixture.Hub.InterruptAsync();

        ApiResponse answer;
        try
        {
            answer = await longPoll.WaitAsync(TimeSpan.FromSeconds(40));
        }
        catch (HttpRequestException)
        {
            return; // Dropping the connection is an honest answer: the client retries.
        }

        if (answer.Status == HttpStatusCode.OK)
        {
            answer.Text.ShouldNotBeEmpty($"a 200 with an empty body while stopping: the reader cannot tell it from a hub bug\n{answer}");
            answer.Json["events"].ShouldNotBeNull(answer.ToString());
        }
        else
        {
            answer.MediaType.ShouldBe("application/problem+json", answer.ToString());
            answer.Json["retryable"]!.GetValue<bool>().ShouldBeTrue(answer.ToString());
        }
    }
}
