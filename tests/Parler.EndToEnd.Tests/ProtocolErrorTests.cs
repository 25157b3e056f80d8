using System.Net;
using System.Text.Json.Nodes;
using Parler.Core.Identity;
using Parler.EndToEnd.Tests.Harness;

namespace Parler.EndToEnd.Tests;

/// <summary>Malformed requests get problem details with a stable code that says what to fix.</summary>
public sealed class ProtocolErrorTests(HubFixture fixture) : IClassFixture<HubFixture>
{
    [Fact]
    public async Task Request_UnsupportedParleVersion_Refused400WithSupportedVersions()
    {
        using var api = new HubApi(fixture.HubUrl);
        var refused = await api.GetAsync("/v1", new Dictionary<string, string> { ["Parle-Version"] = "99" });

        ShouldBeProblem(refused, HttpStatusCode.BadRequest, "unsupported_version");
        refused.Json["supported_versions"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldContain("1");
        (await api.GetAsync("/v1", new Dictionary<string, string> { ["Parle-Version"] = "1" })).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_UnknownJsonField_Refused400NamingIt()
    {
        using var api = new HubApi(fixture.HubUrl);
        var refused = await api.PostAsync("/v1/auth/challenge", new JsonObject { ["agent_id"] = AgentKey.Generate().Id, ["colour"] = "blue" });

        ShouldBeProblem(refused, HttpStatusCode.BadRequest, "unknown_field");
        refused.Detail!.ShouldContain("'colour'");
    }

    [Fact]
    public async Task PostMessage_BodyOver64KiB_Refused413()
    {
        var team = await fixture.TeamAsync();
        using var alice = await HubApi.SignInAsync(team.Alice);
        var refused = await alice.PostMessageAsync(team.RoomId, new string('x', 70 * 1024), Guid.NewGuid().ToString("N"));

        ShouldBeProblem(refused, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        (await team.Bob.RunOkAsync("recv", "--room", "team")).Lines.ShouldNotContain(l => l.Contains(" says: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadMessages_CursorBeyondHead_Refused400BadCursor()
    {
        var team = await fixture.TeamAsync();
        using var bob = await HubApi.SignInAsync(team.Bob);
        var refused = await bob.GetAsync($"/v1/rooms/{team.RoomId}/messages?after=999999");

        ShouldBeProblem(refused, HttpStatusCode.BadRequest, "bad_cursor");
        (await bob.GetAsync($"/v1/rooms/{team.RoomId}/messages?after=0")).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static void ShouldBeProblem(ApiResponse response, HttpStatusCode status, string code)
    {
        response.Status.ShouldBe(status, response.ToString());
        response.MediaType.ShouldBe("application/problem+json");
        response.Code.ShouldBe(code);
        response.Json["status"]!.GetValue<int>().ShouldBe((int)status);
        response.Json["action"]!.GetValue<string>().ShouldBe("fix_client");
        response.Json["retryable"]!.GetValue<bool>().ShouldBeFalse();
        response.Text.ShouldNotContain("   at ");
    }
}
