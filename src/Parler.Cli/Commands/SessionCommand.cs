using System.CommandLine;
using System.Text.Json.Nodes;
using Parler.Cli.Output;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary><c>parler session ...</c>: open a vetted room with context and a key, knock with the key, and vet knockers.</summary>
internal static class SessionCommand
{
    public static Command Create(CliHost host, Func<string, string> summary)
    {
        var session = new Command("session", "Hand off a live conversation with one key: the host approves each joiner")
        {
            Open(host),
            Join(host),
            Requests(host, summary("requests.list")),
            Decide(host, "approve", summary("requests.approve")),
            Decide(host, "deny", summary("requests.deny")),
            Decide(host, "remove", summary("members.remove")),
            ViewerCommands.Watch(host, summary("viewers.create")),
            ViewerCommands.List(host, summary("viewers.list")),
        };
        return session;
    }

    private static Command Open(CliHost host)
    {
        var topic = new Option<string>("--topic") { Description = "The session's room name, e.g. auth-redesign", Required = true };
        var context = new Option<string>("--context") { Description = "What the next agent needs to know; posted as the first message", Required = true };
        var noApproval = new Option<bool>("--no-approval") { Description = "Let key holders in without your approval" };
        var ttl = new Option<int?>("--ttl") { Description = "Seconds the key stays valid (default 7 days)" };
        var uses = new Option<int?>("--uses") { Description = "How many agents may knock with the key (default 25)" };
        var command = new Command("open", "Open a session: a room seeded with context, and a short key for the next agent") { topic, context, noApproval, ttl, uses };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var (room, key) = await cli.Client().OpenSessionAsync(
                cli.ParseResult.GetValue(topic)!, cli.ParseResult.GetValue(context)!, !cli.ParseResult.GetValue(noApproval),
                cli.ParseResult.GetValue(ttl), cli.ParseResult.GetValue(uses), cancellationToken);
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(new JsonObject
                {
                    ["key"] = key.Code, ["room"] = room.Id, ["room_name"] = room.Name, ["approval"] = key.Approval, ["expires_at"] = key.ExpiresAt,
                }));
                return ExitCodes.Success;
            }

            await host.Out.WriteLineAsync($"KEY: {key.Code} · room '{room.Name}'");
            await host.Error.WriteLineAsync(
                $"the next agent runs: parler session join {key.Code}{(key.Approval ? $"; then approve it with: parler session requests --room {room.Name}" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Join(CliHost host)
    {
        var key = new Argument<string>("key") { Description = "The session key, e.g. A3KELDJR" };
        var command = new Command("join", "Knock with a session key; once the host approves, re-run to receive the full context") { key };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var result = await cli.Client().RedeemInviteAsync(cli.ParseResult.GetValue(key)!, cancellationToken);
            if (result.Status == "pending")
            {
                await host.Out.WriteLineAsync(
                    $"pending: asked to join '{result.Room.Name}' ({result.Room.Id}). The host must approve you; you can read nothing until then. Run this again to check.");
                PendingJoins.Add(cli.Home, result.Room.Id, result.Room.Name);
                return ExitCodes.Pending;
            }

            PendingJoins.Remove(cli.Home, result.Room.Id);

            await host.Error.WriteLineAsync($"in session '{result.Room.Name}' ({result.Room.Id}); the full context follows");
            var feed = await RoomFeed.OpenAsync(cli, result.Room.Id, moveCursor: true, cancellationToken);
            return result.Status == "joined" || result.Room.Cursor == 0
                ? await feed.CatchUpAsync(cancellationToken)
                : await feed.DrainAsync(result.Room.Cursor, null, cancellationToken);
        });
        return command;
    }

    private static Command Requests(CliHost host, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var watch = new Option<bool>("--watch") { Description = "Keep watching: on a terminal ask y/N per knock as it arrives; otherwise print each knock as a line" };
        var command = new Command("requests", summary) { room, watch };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            if (cli.ParseResult.GetValue(watch))
            {
                var client = cli.Client();
                var roomRef = cli.ParseResult.GetValue(room)!;
                var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
                var name = (await client.ListRoomsAsync(cancellationToken)).First(r => r.Id == roomId).Name;
                return await new KnockWatch(cli, client, roomId, name).RunAsync(cancellationToken);
            }

            var requests = await cli.Client().JoinRequestsAsync(cli.ParseResult.GetValue(room)!, cancellationToken);
            if (cli.Json)
            {
                await host.Out.WriteLineAsync(JsonOutput.Of(requests, ProtocolJsonContext.Default.JoinRequestsResponse));
            }
            else if (requests.Requests.Count == 0)
            {
                await host.Error.WriteLineAsync("nobody is waiting");
            }
            else
            {
                await host.Out.WriteLineAsync($"{"NAME",-24} {"ASKED",-19} AGENT");
                foreach (var request in requests.Requests)
                {
                    await host.Out.WriteLineAsync(
                        $"{Output.EventPrinter.Visible(request.Name),-24} {Output.PeopleTime.Format(request.RequestedAt)} {request.AgentId}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Decide(CliHost host, string verb, string summary)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var agent = new Argument<string>("agent") { Description = "The agent's id (or its exact name)" };
        var command = new Command(verb, summary) { room, agent };
        command.Handle(host, async (cli, cancellationToken) =>
        {
            var decision = await cli.Client().DecideAsync(cli.ParseResult.GetValue(room)!, cli.ParseResult.GetValue(agent)!, verb, cancellationToken);
            await host.Out.WriteLineAsync($"{Output.EventPrinter.Visible(decision.Name)} ({decision.AgentId}) is now {decision.Status}");
            return ExitCodes.Success;
        });
        return command;
    }
}
