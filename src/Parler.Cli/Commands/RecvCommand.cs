using System.CommandLine;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler recv --room R</c>: print what this identity has not seen, then move its durable cursor.
/// <c>--watch</c> follows the push stream and reconnects by itself.
/// </summary>
internal static class RecvCommand
{
    public static Command Create(CliHost host)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var watch = new Option<bool>("--watch") { Description = "Keep printing new messages as they land until Ctrl+C" };
        var since = new Option<long?>("--since") { Description = "Re-read from after this seq; does not move your cursor" };
        var wait = new Option<int?>("--wait") { Description = "Seconds to wait for something new when nothing is unread (max 60)" };
        var command = new Command("recv", "Print what you have not seen in a room, via your durable cursor") { room, watch, since, wait };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var explicitSince = context.ParseResult.GetValue(since);
            var feed = await RoomFeed.OpenAsync(context, context.ParseResult.GetValue(room)!, moveCursor: explicitSince is null, cancellationToken);
            var after = explicitSince ?? await feed.CursorAsync(cancellationToken);
            return context.ParseResult.GetValue(watch)
                ? await feed.WatchAsync(after, cancellationToken)
                : await feed.DrainAsync(after, context.ParseResult.GetValue(wait), cancellationToken);
        });
        return command;
    }
}
