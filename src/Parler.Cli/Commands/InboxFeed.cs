using Parler.Client;
using Parler.Core.Identity;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler recv</c> without a room: what is new in every room and DM of the caller, grouped by room, each room's
/// durable cursor moved after its part is printed. A DM is headed by the other member's name, so it never needs its room name.
/// </summary>
internal static class InboxFeed
{
    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var client = context.Client();
        var rooms = (await client.ListRoomsAsync(cancellationToken)).Where(r => r.Head > r.Cursor).ToList();
        if (rooms.Count == 0)
        {
            await context.Host.Error.WriteLineAsync("nothing new in any room or DM");
            return ExitCodes.Success;
        }

        foreach (var room in rooms.OrderBy(r => r.Kind == "dm" ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!context.Json)
            {
                await context.Host.Out.WriteLineAsync(await HeaderAsync(client, room, cancellationToken));
            }

            var feed = await RoomFeed.OpenAsync(context, room.Id, moveCursor: true, cancellationToken);
            await feed.DrainAsync(room.Cursor, null, cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static async Task<string> HeaderAsync(HubClient client, Core.Protocol.RoomView room, CancellationToken cancellationToken)
    {
        var count = $"{room.Unread} new";
        if (room.Kind != "dm")
        {
            return $"== room '{PeerText.Visible(room.Name)}' ({room.Id}) · {count}";
        }

        var others = (await client.RosterAsync(room.Id, cancellationToken)).Members.Where(m => m.AgentId != client.Identity.Id).ToList();
        var with = others.Count == 0 ? "(nobody else)" : string.Join(", ", others.Select(m => $"{PeerText.Visible(m.Name)} ({AgentId.Short(m.AgentId)})"));
        return $"== DM with {with} ({room.Id}) · {count}";
    }
}
