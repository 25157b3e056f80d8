using System.Text;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Protocol;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tools;

/// <summary>The tools that sign what they post, and the read that frames peer text and then moves the cursor.</summary>
internal sealed class MessageTools(HubConnection hub)
{
    /// <summary>Posts a signed message to a room, or to the direct room with an agent, or queues it as a job on a service.</summary>
    public Task<ToolReply> SendAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        hub.RunAsync<ToolReply>(
            async client =>
            {
                var targets = new[] { "room", "to", "service" }.Where(arguments.Has).ToList();
                if (targets.Count != 1)
                {
                    throw new McpException($"{tool.Name} needs exactly one of 'room', 'to' or 'service'; got {(targets.Count == 0 ? "none" : string.Join(" and ", targets))}.");
                }

                var body = arguments.RequiredText("body");
                if (arguments.Text("service") is { } service)
                {
                    var job = await client.EnqueueAsync(service, body, cancellationToken);
                    return new ToolReply(
                        $"queued on {PeerContent.Quote(service)} as job {job.JobId}; follow it with parler_job.",
                        new JsonObject { ["service"] = service, ["job"] = job.JobId });
                }

                var roomId = arguments.Text("to") is { } to
                    ? (await client.OpenDmAsync(to, cancellationToken)).Id
                    : await client.ResolveRoomIdAsync(arguments.RequiredText("room"), cancellationToken);
                var posted = await client.PostMessageAsync(roomId, body, null, cancellationToken);
                return ToolReply.With($"posted, signed by you, to {roomId} as #{posted.Seq}.", posted, ProtocolJsonContext.Default.PostMessageResponse);
            },
            cancellationToken);

    public Task<ToolReply> HandoffAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        hub.RunAsync<ToolReply>(
            async client =>
            {
                var roomId = await client.ResolveRoomIdAsync(arguments.RequiredText("room"), cancellationToken);
                var (nonce, signature) = client.SignHandoff(
                    roomId, arguments.RequiredText("for"), arguments.RequiredText("summary"), arguments.RequiredText("next"), arguments.Text("bundle"));
                var signed = new JsonObject { ["nonce"] = nonce, ["signature"] = signature };
                var posted = await ToolRunner.CallAsync(client, tool, arguments, Room(roomId), signed, cancellationToken);
                return ToolReply.Json(posted, "handed off, signed by you: ");
            },
            cancellationToken);

    /// <summary>
    /// Reads after the durable cursor (or after 'after'), waiting up to 'wait' seconds for something from someone
    /// else; builds the result, and only then acks the cursor, so a crash in between re-delivers rather than loses.
    /// </summary>
    public Task<ToolReply> ReadAsync(ToolSpec tool, ToolArguments arguments, CancellationToken cancellationToken) =>
        hub.RunAsync<ToolReply>(
            async client =>
            {
                if (!arguments.Has("room"))
                {
                    return arguments.Has("after")
                        ? throw new McpException($"{tool.Name}: 'after' re-reads one room; give 'room' too.")
                        : await Inbox.ReadAsync(
                            client, hub.Time, (int)Math.Clamp(arguments.Integer("wait") ?? 0, 0, ParameterText.MaxWaitSeconds), (int?)arguments.Integer("limit"), cancellationToken);
                }

                var roomId = await client.ResolveRoomIdAsync(arguments.RequiredText("room"), cancellationToken);
                var after = arguments.Integer("after");
                var wait = (int)Math.Clamp(arguments.Integer("wait") ?? 0, 0, ParameterText.MaxWaitSeconds);
                var limit = (int?)arguments.Integer("limit");
                var deadline = hub.Time.GetUtcNow().AddSeconds(wait);
                var facts = new List<EventView>();
                var position = after;
                ReadEventsResponse page;
                while (true)
                {
                    var remaining = (int)Math.Ceiling(Math.Max(0, (deadline - hub.Time.GetUtcNow()).TotalSeconds));
                    page = await client.ReadAsync(roomId, position, remaining, limit, cancellationToken);
                    facts.AddRange(page.Events);
                    position = page.Cursor;
                    if (page.Events.Count == 0 || remaining == 0 || page.More || page.Events.Any(e => !IsOwnMessage(e, client)))
                    {
                        break;
                    }
                }

                var output = new StringBuilder();
                var transcript = await RoomTranscript.OpenAsync(client, roomId, cancellationToken);
                var shown = facts.Count == 0 ? 0 : await transcript.RenderAsync(facts, output, cancellationToken);
                var moved = after is null && facts.Count > 0;
                var own = facts.Count - shown;
                var header = shown == 0
                    ? $"Nothing new from others in room {roomId}{(wait > 0 ? $" after waiting {wait}s" : "")}; cursor at #{position}."
                    : $"Room {roomId}: #{facts[0].Seq} to #{facts[^1].Seq}{(own > 0 ? $" ({own} of your own messages left out)" : "")}" +
                        (moved ? $"; your cursor moves to #{facts[^1].Seq}." : "; your cursor stays.");
                var result = header + "\n" + output + (page.More ? "More are waiting: call parler_recv again.\n" : "");
                if (moved)
                {
                    await client.AckAsync(roomId, facts[^1].Seq, cancellationToken);
                }

                return result.TrimEnd('\n');
            },
            cancellationToken);

    private static bool IsOwnMessage(EventView fact, HubClient client) => fact.Type == FactTypes.MessagePosted && fact.Actor == client.Identity.Id;

    private static Dictionary<string, string> Room(string roomId) => new(StringComparer.Ordinal) { ["room"] = roomId };
}
