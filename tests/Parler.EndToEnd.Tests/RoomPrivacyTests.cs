using System.Net;
using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>A room someone is not in must look exactly like a room that does not exist.</summary>
public sealed class RoomPrivacyTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task NonMember_ExistingAndMadeUpRoom_SameNotFound()
    {
        var team = await fixture.TeamAsync();
        using var carol = await HubApi.SignInAsync(fixture.HubUrl, AgentKey.Generate(), "carol");
        const string madeUp = "rm_0123456789abcdef";

        foreach (var (method, suffix, body) in Requests())
        {
            var existing = await carol.SendAsync(method, $"/v1/rooms/{team.RoomId}{suffix}", body);
            var missing = await carol.SendAsync(method, $"/v1/rooms/{madeUp}{suffix}", body);

            existing.Status.ShouldBe(HttpStatusCode.NotFound, existing.ToString());
            existing.Code.ShouldBe("room_not_found");
            missing.Status.ShouldBe(existing.Status, missing.ToString());
            missing.Code.ShouldBe(existing.Code);
            missing.Detail.ShouldBe(existing.Detail);
            missing.Text.ShouldBe(existing.Text, $"{method} {suffix}: the two answers must be indistinguishable");
            existing.Text.ShouldNotContain(team.RoomId);
        }

        var byName = await carol.GetAsync("/v1/rooms/team/messages");
        byName.Text.ShouldBe((await carol.GetAsync($"/v1/rooms/{madeUp}/messages")).Text);
    }

    private static IEnumerable<(HttpMethod Method, string Suffix, string? Body)> Requests()
    {
        yield return (HttpMethod.Get, "/messages", null);
        yield return (HttpMethod.Get, "/members", null);
        yield return (HttpMethod.Get, "/affordances", null);
        yield return (HttpMethod.Post, "/messages", new JsonObject { ["body"] = "let me in", ["nonce"] = "0123456789" }.ToJsonString());
        yield return (HttpMethod.Post, "/invites", "{}");
    }
}
