using System.Text;
using Parler.Client;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tools;

/// <summary>
/// parler_recv without a room: what is new in every room and direct room of this agent, grouped by room, each room's
/// cursor moved past what was shown once the result is built. With a wait it returns as soon as any room has news.
/// </summary>
internal static class Inbox
{
    private const int PerRoom = 100;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<string> ReadAsync(HubClient client, TimeProvider time, int wait, int? limit, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow().AddSeconds(wait);
        while (true)
        {
            var output = new StringBuilder();
            var acks = new List<(string Room, long Seq)>();
            var rooms = await client.ListRoomsAsync(cancellationToken);
            foreach (var room in rooms.Where(r => r.Head > r.Cursor))
            {
                var page = await client.ReadAsync(room.Id, room.Cursor, null, limit ?? PerRoom, cancellationToken);
                if (page.Events.Count == 0)
                {
                    continue;
                }

                var section = new StringBuilder();
                var transcript = await RoomTranscript.OpenAsync(client, room.Id, cancellationToken);
                var shown = await transcript.RenderAsync(page.Events, section, cancellationToken);
                acks.Add((room.Id, page.Events[^1].Seq));
                if (shown > 0)
                {
                    output.Append("== ").Append(room.Kind == "dm" ? "direct room " : "room ").Append(PeerContent.Quote(room.Name)).Append(" (").Append(room.Id)
                        .Append("): #").Append(page.Events[0].Seq).Append(" to #").Append(page.Events[^1].Seq)
                        .Append(page.More ? "; more waiting, read this room with parler_recv and its room" : "").Append('\n').Append(section);
                }
            }

            var remaining = deadline - time.GetUtcNow();
            if (output.Length > 0 || remaining <= TimeSpan.Zero)
            {
                var result = output.Length > 0
                    ? "New in your rooms (cursors move past what is shown):\n" + output
                    : $"Nothing new from others in any of your {rooms.Count} rooms{(wait > 0 ? $" after waiting {wait}s" : "")}.";
                foreach (var (room, seq) in acks)
                {
                    await client.AckAsync(room, seq, cancellationToken);
                }

                return result.TrimEnd('\n');
            }

            foreach (var (room, seq) in acks)
            {
                await client.AckAsync(room, seq, cancellationToken);
            }

            await Task.Delay(remaining < Poll ? remaining : Poll, time, cancellationToken);
        }
    }
}
