using System.Text.RegularExpressions;
using ModelContextProtocol;
using Parler.Mcp.Output;
using Parler.Mcp.Tools;
using Parler.Mcp.Session;

namespace Parler.Mcp.Tests.Tools;

public sealed class ToolRunnerTests(McpHarness harness) : IClassFixture<McpHarness>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlyList<ToolSpec> Catalog = ToolCatalog.Build(Parler.Contract.ActionCatalog.CreateDefault());

    [Fact]
    public async Task InvitesMint_UnknownChannel_IsCreatedAndAnotherAgentJoins()
    {
        var (_, bob, room) = await TeamAsync("mint-team");

        var rooms = await bob.CallAsync("parler_rooms");

        rooms.ShouldContain($"\"id\":\"{room}\"");
        rooms.ShouldContain("\"name\":\"mint-team\"");
    }

    [Fact]
    public async Task Task_SameArgumentsTwice_LandsOnceAndReplays()
    {
        var (alice, bob, room) = await TeamAsync("retry-team");
        var handed = await alice.CallAsync("parler_handoff", new { room, @for = "bob", summary = "half done", next = "finish it" });
        var handoff = Regex.Match(handed, "\"handoff_id\":\"(ho_\\w+)\"").Groups[1].Value;

        var first = await bob.CallAsync("parler_task", new { room, handoff, status = "accepted" });
        var again = await bob.CallAsync("parler_task", new { room, handoff, status = "accepted" });

        Seq(again).ShouldBe(Seq(first));
        again.ShouldContain("\"replayed\":true");
    }

    [Fact]
    public async Task Send_ToAnAgentByName_ReachesItsInboxWithoutARoomName()
    {
        var (alice, bob, _) = await TeamAsync("dm-team");
        await bob.CallAsync("parler_recv");

        await alice.CallAsync("parler_send", new { to = "bob", body = "psst, a direct word" });
        var inbox = await bob.CallAsync("parler_recv", new { wait = 10 });

        inbox.ShouldContain("== direct room");
        inbox.ShouldContain("psst, a direct word");
        (await bob.CallAsync("parler_recv")).ShouldStartWith("Nothing new from others in any of your");
    }

    [Fact]
    public async Task MessagesRead_WithoutAfter_MovesTheCursorAfterBuildingTheResult()
    {
        var (alice, bob, room) = await TeamAsync("cursor-team");
        await alice.CallAsync("parler_send", new { room, body = "read me once" });

        var first = await bob.CallAsync("parler_recv", new { room });
        var second = await bob.CallAsync("parler_recv", new { room });
        var reread = await bob.CallAsync("parler_recv", new { room, after = 0 });

        first.ShouldMatch(@"from=""alice"" agent=pa\w+ verified=true>>\nread me once\n");
        second.ShouldStartWith("Nothing new from others");
        reread.ShouldContain("read me once");
        reread.ShouldContain("your cursor stays");
    }

    [Fact]
    public async Task MessagesRead_Waiting_DoesNotBlockAnotherToolAndWakesOnAPost()
    {
        var (alice, bob, room) = await TeamAsync("live-team");
        await bob.CallAsync("parler_recv", new { room });

        var waiting = bob.CallAsync("parler_recv", new { room, wait = 30 });
        var me = await bob.CallAsync("parler_whoami").WaitAsync(Patience);
        waiting.IsCompleted.ShouldBeFalse("parler_whoami should not wait for the pending read");
        me.ShouldContain("\"name\":\"bob\"");

        await alice.CallAsync("parler_send", new { room, body = "wake up" });
        (await waiting.WaitAsync(Patience)).ShouldContain("\nwake up\n");
    }

    [Fact]
    public async Task Session_KnockApproveJoin_GivesTheGuestTheFullContext()
    {
        var host = harness.For("host");
        var opened = await host.CallAsync("parler_open_session", new { topic = "handover", context = "the plan: ship it" });
        var key = Regex.Match(opened, "KEY: ([A-Z0-9]{8})").Groups[1].Value;
        var room = Regex.Match(opened, @"\((rm_\w+)\)").Groups[1].Value;
        opened.ShouldContain($"claude mcp add parler -e PARLER_SESSION_KEY={key} -e PARLER_HOME=~/.parler-joiner -- parler mcp");
        var guest = harness.For("guest", sessionKey: key);

        var knocker = guest.Knocker();
        await knocker.StartAsync(CancellationToken.None);
        await knocker.ExecuteTask!.WaitAsync(Patience);
        guest.Session.Current.Status.ShouldBe(SessionStatus.Pending);
        (await guest.CallAsync("parler_join_session")).ShouldStartWith("pending:");

        await host.CallAsync("parler_approve_join", new { room, agent = guest.Id });
        var joined = await guest.CallAsync("parler_join_session");

        joined.ShouldStartWith("approved: you are in session \"handover\"");
        joined.ShouldMatch(@"from=""host"" agent=pa\w+ verified=true>>\nthe plan: ship it\n");
        guest.Session.Current.Status.ShouldBe(SessionStatus.Approved);
        (await guest.CallAsync("parler_recv", new { room })).ShouldStartWith("Nothing new from others");
    }

    [Fact]
    public async Task Handoff_ToAnotherAgent_ShowsItTheBanner()
    {
        var (alice, bob, room) = await TeamAsync("handoff-team");
        await bob.CallAsync("parler_recv", new { room });

        await alice.CallAsync("parler_handoff", new { room, @for = "bob", summary = "half done", next = "finish it" });
        var seen = await bob.CallAsync("parler_recv", new { room });

        seen.ShouldContain("=== HANDOFF TO YOU === handoff ho_");
        seen.ShouldContain("from \"alice\"");
    }

    [Fact]
    public async Task SessionJoin_WithTheHostsOwnIdentity_IsToldSoInsteadOfAdmitted()
    {
        var host = harness.For("self-host");
        var opened = await host.CallAsync("parler_open_session", new { topic = "mirror", context = "talking to myself?" });
        var key = Regex.Match(opened, "KEY: (\\w+)").Groups[1].Value;

        var error = await Should.ThrowAsync<McpException>(() => host.CallAsync("parler_join_session", new { key }));

        error.Message.ShouldContain("the host's own identity (the same PARLER_HOME)");
        opened.ShouldContain($"claude mcp add parler -e PARLER_SESSION_KEY={key} -e PARLER_HOME=~/.parler-joiner -- parler mcp");
    }

    [Fact]
    public async Task Call_HubNotRunning_SaysWhatToDoInToolTerms()
    {
        var nowhere = $"http://127.0.0.1:{Parler.Tests.Shared.FreePort.Pick()}";
        var lonely = harness.For("lonely", hubUrl: nowhere);

        var error = await Should.ThrowAsync<McpException>(() => lonely.CallAsync("parler_rooms"));

        error.Message.ShouldStartWith($"Cannot reach the hub at {nowhere}: it is down or the address is wrong. Tell your person");
        error.Message.ShouldNotContain("parler hub");
    }

    [Fact]
    public async Task Call_Refused_CarriesTheHubsReasonAndCode()
    {
        var alice = harness.For("refused");

        var error = await Should.ThrowAsync<McpException>(() => alice.CallAsync("parler_join", new { code = "NOPE2345" }));

        error.Message.ShouldContain("code invite_invalid");
    }

    [Fact]
    public async Task StructuredResults_EveryToolWithAnOutputSchema_AnswersDataOfThatShape()
    {
        var (alice, bob, room) = await TeamAsync("shape-team");
        // push and send_file answer the same record; BlobToolTests covers them.
        var replies = new Dictionary<string, ToolReply>
        {
            ["parler_send"] = await alice.ReplyAsync("parler_send", new { room, body = "shaped" }),
            ["parler_handoff"] = await alice.ReplyAsync("parler_handoff", new { room, @for = "bob", summary = "s", next = "n" }),
            ["parler_invite"] = await alice.ReplyAsync("parler_invite", new { room = "shape-team" }),
            ["parler_rooms"] = await bob.ReplyAsync("parler_rooms"),
            ["parler_remember"] = await bob.ReplyAsync("parler_remember", new { room, text = "a note", key = "k" }),
            ["parler_open_session"] = await alice.ReplyAsync("parler_open_session", new { topic = "shape-session", context = "c" }),
        };

        replies.Keys.ShouldBe(Catalog.Where(t => t.OutputSchema is not null && t.Name is not ("parler_push" or "parler_send_file")).Select(t => t.Name), ignoreOrder: true);
        foreach (var (name, reply) in replies)
        {
            var data = reply.Data.ShouldNotBeNull(name);
            foreach (var (field, schema) in Catalog.Single(t => t.Name == name).OutputSchema!["properties"]!.AsObject())
            {
                var kind = data[field]?.GetValueKind().ToString().ToLowerInvariant();
                var expected = schema!["type"]!.GetValue<string>() switch { "integer" => "number", "boolean" => "true", var t => t };
                (kind is null || kind == expected || (expected == "true" && kind == "false")).ShouldBeTrue($"{name}.{field} is {kind}, declared {expected}");
            }
        }

        replies["parler_send"].Data!["seq"]!.GetValue<long>().ShouldBeGreaterThan(0);
        replies["parler_rooms"].Data!["rooms"].ShouldBeOfType<System.Text.Json.Nodes.JsonArray>();
    }

    private async Task<(McpHarness.Agent Alice, McpHarness.Agent Bob, string Room)> TeamAsync(string channel)
    {
        var alice = harness.For("alice");
        var bob = harness.For("bob");
        var invite = await alice.CallAsync("parler_invite", new { room = channel });
        var code = Regex.Match(invite, "\"code\":\"(\\w+)\"").Groups[1].Value;
        var room = Regex.Match(invite, "\"room\":\"(rm_\\w+)\"").Groups[1].Value;
        (await bob.CallAsync("parler_join", new { code })).ShouldContain("\"status\":\"joined\"");
        return (alice, bob, room);
    }

    private static string Seq(string result) => Regex.Match(result, "\"seq\":(\\d+)").Groups[1].Value;
}
