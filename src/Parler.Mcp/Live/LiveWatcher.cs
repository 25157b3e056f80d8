using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Protocol;
using Parler.Mcp.Context;
using Parler.Mcp.Hub;
using Parler.Mcp.Output;

namespace Parler.Mcp.Live;

/// <summary>
/// Once a tool has dialled the hub, follows this agent's rooms without moving any cursor: a knock on a room it owns
/// is put to the person (elicitation where the client has it, otherwise a log line, a session resource update and a
/// note in the next tool result); a handoff to it, a direct message or a knock is pushed as a Claude Code channel event.
/// </summary>
internal sealed partial class LiveWatcher(HubConnection hub, KnockDesk desk, ServerPush push, ILogger<LiveWatcher> logger) : BackgroundService
{
    /// <summary>How long one wait on the hub lasts; it answers as soon as anything in the agent's rooms changes.</summary>
    public const int WaitSeconds = 25;

    /// <summary>The pause before trying again after a pass failed (the hub is down or refused).</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);
    private bool _started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await hub.Dialled.WaitAsync(stoppingToken);
        string? mark = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                mark = await hub.RunAsync(client => PassAsync(client, mark, stoppingToken), stoppingToken);
            }
            catch (McpException ex)
            {
                LogPassFailed(logger, ex.Message);
                mark = null;
                await Task.Delay(Retry, hub.Time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Waits on the hub (rooms.wait) until something changes in any room of this agent, or it is in a new one, then
    /// reads what is new; answers the mark to wait from next. No request goes out while nothing happens.
    /// </summary>
    private async Task<string> PassAsync(HubClient client, string? mark, CancellationToken cancellationToken)
    {
        var me = client.Identity;
        var answer = await client.WaitRoomsAsync(mark, mark is null ? 0 : WaitSeconds, cancellationToken);
        foreach (var room in answer.Rooms)
        {
            var owner = room.Role == "owner";
            var known = _heads.TryGetValue(room.Id, out var seen);
            // A room that appears later is followed from the agent's cursor; a new direct room from its start, since a
            // read elsewhere may already have moved the cursor past the message that opened it.
            seen = known ? seen : !_started ? room.Head : room.Kind == "dm" ? 0 : room.Cursor;
            var knocksChanged = owner && !known;
            while (room.Head > seen)
            {
                var page = await client.ReadAsync(room.Id, seen, null, 200, cancellationToken);
                foreach (var fact in page.Events)
                {
                    knocksChanged |= owner && fact.Type.StartsWith("member.", StringComparison.Ordinal);
                    await ChannelAsync(room, fact, me.Id, me.Name, cancellationToken);
                }

                seen = page.Events.Count > 0 ? page.Events[^1].Seq : seen;
                if (!page.More)
                {
                    break;
                }
            }

            _heads[room.Id] = seen;
            if (knocksChanged)
            {
                var waiting = (await client.JoinRequestsAsync(room.Id, cancellationToken)).Requests
                    .Select(r => new Knock(room.Id, room.Name, r.AgentId, r.Name)).ToList();
                foreach (var knock in desk.Update(room.Id, waiting))
                {
                    await AnnounceAsync(knock, cancellationToken);
                }
            }
        }

        _started = true;
        return answer.Mark;
    }

    private async Task ChannelAsync(RoomView room, EventView fact, string selfId, string selfName, CancellationToken cancellationToken)
    {
        if (fact.Actor == selfId)
        {
            return;
        }

        var frame = new PeerContent();
        var from = fact.Actor;
        if (fact.Type == FactTypes.HandoffPosted && FactData.TryRead<HandoffPosted>(fact.Data) is { } handoff && HandoffTarget.IsFor(handoff, selfId, selfName))
        {
            var text = $"HANDOFF TO YOU in room {room.Id} ({PeerContent.Quote(room.Name)}), handoff {handoff.HandoffId}. " +
                $"Read it with parler_recv, room {room.Id}; accept with parler_task.\n" +
                frame.Frame($"from-agent={from} part=next", handoff.Next);
            await push.ChannelAsync(text, Meta("handoff", room, from), cancellationToken);
        }
        else if (fact.Type == FactTypes.MessagePosted && room.Kind == "dm" && FactData.TryRead<MessagePosted>(fact.Data) is { } message)
        {
            var text = $"Direct message in room {room.Id}; reply with parler_send, to {from}.\n" +
                frame.Frame($"from-agent={from}", message.Body);
            await push.ChannelAsync(text, Meta("dm", room, from), cancellationToken);
        }
    }

    /// <summary>Puts a new knock to the person: a question where the client can ask one, otherwise a log line and a resource update.</summary>
    private async Task AnnounceAsync(Knock knock, CancellationToken cancellationToken)
    {
        LogKnock(logger, knock.RoomId, knock.AgentId);
        await push.ChannelAsync(
            $"{knock.Question} Ask your person; only their answer admits it (parler_approve_join or parler_deny_join, room {knock.RoomId}, agent {knock.AgentId}).",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = "knock", ["room"] = knock.RoomId, ["agent"] = knock.AgentId },
            cancellationToken);
        if (push.CanAsk)
        {
            desk.Asking(knock, true);
            _ = Task.Run(() => AskAsync(knock, cancellationToken), cancellationToken);
            return;
        }

        await push.LogAsync( $"{knock.Question} Approve with parler_approve_join or deny with parler_deny_join (room {knock.RoomId}, agent {knock.AgentId}).", cancellationToken);
        await push.ResourceUpdatedAsync(SessionResource.Uri, cancellationToken);
    }

    private async Task AskAsync(Knock knock, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await push.AskAsync(knock.Question, cancellationToken);
            if (answer is { } admit)
            {
                await hub.RunAsync(client => client.DecideAsync(knock.RoomId, knock.AgentId, admit ? "approve" : "deny", cancellationToken), cancellationToken);
                desk.Resolve(knock);
            }

            LogAnswered(logger, knock.RoomId, knock.AgentId, answer switch { true => "accepted", false => "rejected", null => "dismissed" });
        }
        catch (Exception ex) when (ex is McpException or OperationCanceledException or IOException)
        {
            LogAskFailed(logger, knock.RoomId, ex.Message);
        }
        finally
        {
            desk.Asking(knock, false);
        }

        await push.ResourceUpdatedAsync(SessionResource.Uri, CancellationToken.None);
    }

    private static Dictionary<string, string> Meta(string kind, RoomView room, string from) =>
        new(StringComparer.Ordinal) { ["kind"] = kind, ["room"] = room.Id, ["from_agent"] = from };
}
