using Parler.Cli.Output;
using Parler.Client;
using Parler.Client.Live;
using Parler.Contract.Facts;
using Parler.Core.Protocol;

namespace Parler.Cli.Commands;

/// <summary>
/// Reads one room for one identity and prints it: drain what is unread, catch up on a whole room, or watch live.
/// The durable cursor moves only after printing, so a crash re-delivers rather than loses.
/// </summary>
internal sealed class RoomFeed(CliHost host, HubClient client, EventPrinter printer, string roomId, bool moveCursor, TransferLine? progress = null)
{
    private const int Page = 200;

    /// <summary>How much of a long room a catch-up shows in full at the end, after the opening context.</summary>
    public const int TailFacts = 200;

    public static async Task<RoomFeed> OpenAsync(CliContext context, string roomRef, bool moveCursor, CancellationToken cancellationToken)
    {
        var client = context.Client();
        var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
        var names = (await client.RosterAsync(roomId, cancellationToken)).Members.ToDictionary(m => m.AgentId, m => m.Name);
        var printer = new EventPrinter(context.Host.Out, client.Identity.Id, context.Json, names);
        return new RoomFeed(context.Host, client, printer, roomId, moveCursor, context.Progress());
    }

    public async Task<long> CursorAsync(CancellationToken cancellationToken) =>
        (await client.ListRoomsAsync(cancellationToken)).First(r => r.Id == roomId).Cursor;

    /// <summary>Reads the fact at <paramref name="after"/> so the next fact's chain link can be checked too.</summary>
    public async Task AnchorAsync(long after, CancellationToken cancellationToken)
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

    public async Task<int> DrainAsync(long after, int? wait, CancellationToken cancellationToken)
    {
        await AnchorAsync(after, cancellationToken);
        var printed = 0;
        var start = after;
        var paged = false;
        ReadEventsResponse page;
        do
        {
            page = await client.ReadAsync(roomId, after, printed == 0 ? wait : null, Page, cancellationToken);
            progress?.Clear();
            printed += await PrintAsync(page, cancellationToken);
            after = page.Cursor;

            // A catch-up of more than one page shows how far it has read; a short read draws nothing.
            paged |= page.More;
            if (paged)
            {
                progress?.ShowFacts(after - start, page.Head - start, finished: !page.More);
            }
        }
        while (page.More);

        if (printed == 0)
        {
            await host.Error.WriteLineAsync("nothing new");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The whole room for a newcomer: all of it when short; otherwise the opening (through the first message, the
    /// context) and the last <see cref="TailFacts"/> in full, with a note of what was folded. The cursor ends at the head.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var opening = await client.ReadAsync(roomId, 0, null, Page, cancellationToken);
        if (opening.Head <= TailFacts + Page)
        {
            return await DrainAsync(0, null, cancellationToken);
        }

        var context = opening.Events.TakeWhile(e => e.Type != FactTypes.MessagePosted).Count() + 1;
        var shown = opening with { Events = opening.Events.Take(context).ToList() };
        await PrintAsync(shown, cancellationToken, ack: false);
        var tailStart = opening.Head - TailFacts;
        await host.Out.WriteLineAsync(
            $"... {tailStart - context} earlier facts folded (#{context + 1} to #{tailStart}); read them with: parler recv --room {roomId} --since {context}");
        return await DrainAsync(tailStart, null, cancellationToken);
    }

    /// <summary>
    /// Follows the room live. Unless <paramref name="follow"/>, returns <see cref="ExitCodes.Success"/> right after printing a
    /// handoff the hub addressed to this agent: the turn is its now.
    /// </summary>
    public async Task<int> WatchAsync(long after, CancellationToken cancellationToken, bool follow = true)
    {
        await AnchorAsync(after, cancellationToken);
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await foreach (var fact in client.StreamAsync(roomId, after, cancellationToken))
                {
                    await printer.PrintAsync(fact);
                    await host.Out.FlushAsync(cancellationToken);
                    after = fact.Seq;
                    if (moveCursor)
                    {
                        await client.AckAsync(roomId, after, cancellationToken);
                    }

                    delay = TimeSpan.FromMilliseconds(200);
                    if (!follow && HandoffFact.IsHandoffFor(fact, client.Identity.Id))
                    {
                        return ExitCodes.Success;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || ex is HubClientException { Retryable: true })
            {
                await host.Error.WriteLineAsync($"parler: connection to the hub lost ({ex.Message}); reconnecting from #{after}");
            }

            await Task.Delay(delay, host.Time, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 3000));
        }
    }

    private async Task<int> PrintAsync(ReadEventsResponse page, CancellationToken cancellationToken, bool ack = true)
    {
        foreach (var fact in page.Events)
        {
            await printer.PrintAsync(fact);
        }

        await host.Out.FlushAsync(cancellationToken);
        if (ack && moveCursor && page.Events.Count > 0)
        {
            await client.AckAsync(roomId, page.Events[^1].Seq, cancellationToken);
        }

        return page.Events.Count;
    }
}
