using System.Text;
using ModelContextProtocol;
using Parler.Client;
using Parler.Core.Protocol;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;
using Parler.Mcp.Session;

namespace Parler.Mcp.Tools;

/// <summary>Opening a session, knocking on one, and minting an invite into a channel that may not exist yet.</summary>
internal sealed class SessionTools(HubConnection hub, SessionState session)
{
    public Task<ToolReply> OpenAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        hub.RunAsync<ToolReply>(
            async client =>
            {
                var (room, key) = await client.OpenSessionAsync(
                    arguments.RequiredText("topic"), arguments.RequiredText("context"), arguments.Boolean("approval") ?? true,
                    Int(arguments.Integer("ttl_seconds")), Int(arguments.Integer("max_uses")), cancellationToken);
                session.Set(new SessionSnapshot(SessionStatus.Host, room.Id, room.Name, null));
                var text = $"Session open: room {PeerContent.Quote(room.Name)} ({room.Id}), your context is its first message.\n" +
                    $"KEY: {key.Code} (valid until {key.ExpiresAt:u}, {key.MaxUses} use(s), " +
                    (key.Approval ? "each joiner waits for your approval)" : "joiners get in without approval)") + "\n" +
                    "Start the next agent with only the key:\n" +
                    JoinerLine.For(key.Code, hub.Settings) + "\n" +
                    (JoinerLine.Advice(hub.Settings) is { } advice ? advice + "\n" : "") +
                    (key.Approval
                        ? $"When it knocks, your person is asked here (or you see it at the end of a result): approve only on their say-so, with parler_approve_join, room {room.Id}. It then gets the full context."
                        : "It gets the full context as soon as it joins.");
                return ToolReply.With(text, key, ProtocolJsonContext.Default.InviteView);
            },
            cancellationToken);

    public Task<ToolReply> JoinAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken)
    {
        var key = arguments.Text("key") ?? session.Key
            ?? throw new McpException("No session key: pass 'key', or start this server with PARLER_SESSION_KEY set.");
        var wait = (int)Math.Clamp(arguments.Integer("wait") ?? 0, 0, ParameterText.MaxWaitSeconds);
        return Refusals(hub.RunAsync<ToolReply>(
            async client =>
            {
                var deadline = hub.Time.GetUtcNow().AddSeconds(wait);
                RedeemInviteResponse answer;
                while (true)
                {
                    answer = await client.RedeemInviteAsync(key, cancellationToken);
                    var remaining = deadline - hub.Time.GetUtcNow();
                    if (answer.Status != "pending" || remaining <= TimeSpan.Zero)
                    {
                        break;
                    }

                    await Task.Delay(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), hub.Time, cancellationToken);
                }

                var room = answer.Room;
                if (room.Role == "owner")
                {
                    throw new McpException(SameIdentity(room.Name));
                }

                if (answer.Status == "pending")
                {
                    session.Set(new SessionSnapshot(SessionStatus.Pending, room.Id, room.Name, null));
                    return $"pending: you asked to join session {PeerContent.Quote(room.Name)} ({room.Id}). The host must approve you; " +
                        "until then you can read nothing. Call parler_join_session again (wait 25 waits here for the answer).";
                }

                session.Set(new SessionSnapshot(SessionStatus.Approved, room.Id, room.Name, null));
                var output = new StringBuilder();
                var transcript = await RoomTranscript.OpenAsync(client, room.Id, cancellationToken);
                long last;
                if (answer.Status == "joined" || room.Cursor == 0)
                {
                    output.Append("approved: you are in session ").Append(PeerContent.Quote(room.Name)).Append(" (").Append(room.Id)
                        .Append("). Its full context follows; stay live with parler_recv, room ").Append(room.Id).Append(", wait 25.\n");
                    last = await transcript.CatchUpAsync(output, cancellationToken);
                }
                else
                {
                    output.Append("approved earlier: you are in session ").Append(PeerContent.Quote(room.Name)).Append(" (").Append(room.Id)
                        .Append(") and have read up to #").Append(room.Cursor).Append("; what is new follows (the whole context: parler_recv with after 0).\n");
                    var unread = await client.ReadAsync(room.Id, room.Cursor, null, 200, cancellationToken);
                    await transcript.RenderAsync(unread.Events, output, cancellationToken);
                    last = unread.Events.Count > 0 ? unread.Events[^1].Seq : room.Cursor;
                }

                var result = output.ToString().TrimEnd('\n');
                if (last > room.Cursor)
                {
                    await client.AckAsync(room.Id, last, cancellationToken);
                }

                return result;
            },
            cancellationToken));
    }

    public Task<ToolReply> MintAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        hub.RunAsync<ToolReply>(
            async client =>
            {
                var roomId = await FindOrCreateAsync(client, arguments.RequiredText("room"), cancellationToken);
                var invite = await ToolRunner.CallAsync(
                    client, tool, arguments, new Dictionary<string, string>(StringComparer.Ordinal) { ["room"] = roomId }, null, cancellationToken);
                return ToolReply.Json(invite, tail: $"\nThe other agent joins with parler_join, code {invite["code"]}.");
            },
            cancellationToken);

    private static async Task<string> FindOrCreateAsync(HubClient client, string room, CancellationToken cancellationToken)
    {
        if (room.StartsWith("rm_", StringComparison.Ordinal))
        {
            return room;
        }

        var existing = (await client.ListRoomsAsync(cancellationToken)).Where(r => r.Name == room).ToList();
        return existing.Count switch
        {
            0 => (await client.CreateRoomAsync(room, "channel", cancellationToken)).Id,
            1 => existing[0].Id,
            _ => throw new McpException($"You are in {existing.Count} rooms named '{room}': {string.Join(", ", existing.Select(r => r.Id))}. Pass the id."),
        };
    }

    /// <summary>A key the hub does not know, or a host who turned this agent away, ends the session for good.</summary>
    private async Task<ToolReply> Refusals(Task<ToolReply> join)
    {
        try
        {
            return await join;
        }
        catch (McpException ex) when (ex.InnerException is HubClientException { Code: "invite_invalid" or "forbidden" })
        {
            session.Set(new SessionSnapshot(SessionStatus.Refused, null, null, ex.Message));
            throw;
        }
    }

    /// <summary>The key belongs to a session this very identity opened: a joiner started with the host's own home.</summary>
    public static string SameIdentity(string roomName) =>
        $"This agent is the host of session {PeerContent.Quote(roomName)}: it runs with the host's own identity (the same PARLER_HOME), so joining would be talking to itself. " +
        "Start the joiner with a home of its own, e.g. -e PARLER_HOME=~/.parler-joiner.";

    private static int? Int(long? value) => value is { } v ? (int)Math.Clamp(v, int.MinValue, int.MaxValue) : null;
}
