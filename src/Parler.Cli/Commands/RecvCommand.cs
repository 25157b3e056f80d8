using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler recv --room R</c>: print what this identity has not seen, then move its durable cursor.
/// <c>--watch</c> follows the push stream and returns (exit 0) right after a handoff addressed to the caller; <c>--follow</c>
/// keeps following. Without <c>--room</c>: the inbox, what is new in every room and DM. <c>--service Q</c> leases the queue's jobs instead.
/// </summary>
internal static class RecvCommand
{
    public static Command Create(CliHost host)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id" };
        var service = new Option<string?>("--service") { Description = "Lease jobs of this service queue instead (you must serve it)" };
        var watch = new Option<bool>("--watch") { Description = "Keep printing new messages as they land; return (exit 0) once a handoff to you arrives" };
        var follow = new Option<bool>("--follow") { Description = "Like --watch, but keep following after a handoff to you, until Ctrl+C" };
        var since = new Option<long?>("--since") { Description = "Re-read from after this seq; does not move your cursor" };
        var wait = new Option<int?>("--wait") { Description = "Seconds to wait for something new when nothing is unread (max 60)" };
        var command = new Command("recv", "Print what you have not seen in a room (or, without --room, in every room and DM), via your durable cursors") { room, service, watch, follow, since, wait };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var (roomRef, queue) = (context.ParseResult.GetValue(room), context.ParseResult.GetValue(service));
            if (roomRef is not null && queue is not null)
            {
                throw new CliUsageException("Give one of --room ROOM or --service QUEUE (or neither, for what is new everywhere).");
            }

            var (watching, following) = (context.ParseResult.GetValue(watch), context.ParseResult.GetValue(follow));
            if (roomRef is null && queue is null)
            {
                return watching || following || context.ParseResult.GetValue(since) is not null
                    ? throw new CliUsageException("--watch, --follow and --since read one room: add --room ROOM.")
                    : await InboxFeed.RunAsync(context, cancellationToken);
            }

            if (queue is not null)
            {
                return await ServiceFeed.RunAsync(
                    context, queue, watching || following, context.ParseResult.GetValue(wait), null, cancellationToken);
            }

            var explicitSince = context.ParseResult.GetValue(since);
            var feed = await RoomFeed.OpenAsync(context, roomRef!, moveCursor: explicitSince is null, cancellationToken);
            var after = explicitSince ?? await feed.CursorAsync(cancellationToken);
            return watching || following
                ? await feed.WatchAsync(after, cancellationToken, follow: following)
                : await feed.DrainAsync(after, context.ParseResult.GetValue(wait), cancellationToken);
        });
        return command;
    }
}
