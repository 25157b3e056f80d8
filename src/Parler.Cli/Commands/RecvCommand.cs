using System.CommandLine;
using Parler.Cli.Output;
using Parler.Client;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// <c>parler recv --room R</c>: print what this identity has not seen, then move its durable cursor (only after
/// printing, so a crash re-delivers rather than loses). <c>--watch</c> follows the push stream and reconnects.
/// </summary>
internal static class RecvCommand
{
    private const int Page = 200;

    public static Command Create(CliHost host)
    {
        var room = new Option<string>("--room") { Description = "Room name or id", Required = true };
        var watch = new Option<bool>("--watch") { Description = "Keep printing new messages as they land until Ctrl+C" };
        var since = new Option<long?>("--since") { Description = "Re-read from after this seq; does not move your cursor" };
        var wait = new Option<int?>("--wait") { Description = "Seconds to wait for something new when nothing is unread (max 60)" };
        var command = new Command("recv", "Print what you have not seen in a room, via your durable cursor") { room, watch, since, wait };
        command.Handle(host, async (context, cancellationToken) =>
        {
            var client = context.Client();
            var roomRef = context.ParseResult.GetValue(room)!;
            var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
            var explicitSince = context.ParseResult.GetValue(since);
            var names = (await client.RosterAsync(roomId, cancellationToken)).Members.ToDictionary(m => m.AgentId, m => m.Name);
            var printer = new EventPrinter(host.Out, client.Identity.Id, context.Json, names);
            var after = explicitSince ?? (await client.ListRoomsAsync(cancellationToken)).First(r => r.Id == roomId).Cursor;
            await AnchorAsync(client, printer, roomId, after, cancellationToken);
            var reader = new Reader(host, client, printer, roomId, MoveCursor: explicitSince is null);
            return context.ParseResult.GetValue(watch)
                ? await reader.WatchAsync(after, cancellationToken)
                : await reader.DrainAsync(after, context.ParseResult.GetValue(wait), cancellationToken);
        });
        return command;
    }

    /// <summary>Reads the fact at the cursor so the first new fact's chain link can be checked too.</summary>
    private static async Task AnchorAsync(HubClient client, EventPrinter printer, string roomId, long after, CancellationToken cancellationToken)
    {
        if (after > 0)
        {
            var anchor = await client.ReadAsync(roomId, after - 1, null, 1, cancellationToken);
            if (anchor.Events.Count == 1)
            {
                printer.Anchor(anchor.Events[0]);
            }
        }
    }

    private sealed record Reader(CliHost Host, HubClient Client, EventPrinter Printer, string RoomId, bool MoveCursor)
    {
        public async Task<int> DrainAsync(long after, int? wait, CancellationToken cancellationToken)
        {
            var printed = 0;
            ReadEventsResponse page;
            do
            {
                page = await Client.ReadAsync(RoomId, after, printed == 0 ? wait : null, Page, cancellationToken);
                foreach (var fact in page.Events)
                {
                    await Printer.PrintAsync(fact);
                    printed++;
                }

                await Host.Out.FlushAsync(cancellationToken);
                if (page.Events.Count > 0 && MoveCursor)
                {
                    await Client.AckAsync(RoomId, page.Cursor, cancellationToken);
                }

                after = page.Cursor;
            }
            while (page.More);

            if (printed == 0)
            {
                await Host.Error.WriteLineAsync("nothing new");
            }

            return ExitCodes.Success;
        }

        public async Task<int> WatchAsync(long after, CancellationToken cancellationToken)
        {
            var delay = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                try
                {
                    await foreach (var fact in Client.StreamAsync(RoomId, after, cancellationToken))
                    {
                        await Printer.PrintAsync(fact);
                        await Host.Out.FlushAsync(cancellationToken);
                        after = fact.Seq;
                        if (MoveCursor)
                        {
                            await Client.AckAsync(RoomId, after, cancellationToken);
                        }

                        delay = TimeSpan.FromMilliseconds(200);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException || ex is HubClientException { Retryable: true })
                {
                    await Host.Error.WriteLineAsync($"parler: connection to the hub lost ({ex.Message}); reconnecting from #{after}");
                }

                await Task.Delay(delay, Host.Time, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 3000));
            }
        }
    }
}
