using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler recv --room R</c>: print what this identity has not seen, then move its durable cursor.
/// <c>--watch</c> follows the push stream and reconnects by itself. <c>--service Q</c> leases the queue's jobs instead.
/// </summary>
internal static class RecvCommand
{
    public static Command Create(CliHost host)
    {
        var room = new Option<string?>("--room") { Description = "Room name or id" };
        var service = new Option<string?>("--service") { Description = "Lease jobs of this service queue instead (you must serve it)" };
        var watch = new Option<bool>("--watch") { Description = "Keep printing new messages as they land until Ctrl+C" };
        var since = new Option<long?>("--since") { Description = "Re-read from after this seq; does not move your cursor" };
        var wait = new Option<int?>("--wait") { Description = "Seconds to wait for something new when nothing is unread (max 60)" };
        var command = new Command("recv", "Print what you have not seen in a room, via your durable cursor") { room, service, watch, since, wait };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var (roomRef, queue) = (context.ParseResult.GetValue(room), context.ParseResult.GetValue(service));
            if ((roomRef is null) == (queue is null))
            {
                throw new CliUsageException("Give exactly one of --room ROOM or --service QUEUE.");
            }

            if (queue is not null)
            {
                return await ServiceFeed.RunAsync(
                    context, queue, context.ParseResult.GetValue(watch), context.ParseResult.GetValue(wait), null, cancellationToken);
            }

            var explicitSince = context.ParseResult.GetValue(since);
            var feed = await RoomFeed.OpenAsync(context, roomRef!, moveCursor: explicitSince is null, cancellationToken);
            var after = explicitSince ?? await feed.CursorAsync(cancellationToken);
            return context.ParseResult.GetValue(watch)
                ? await feed.WatchAsync(after, cancellationToken)
                : await feed.DrainAsync(after, context.ParseResult.GetValue(wait), cancellationToken);
        });
        return command;
    }
}
