using System.Text;
using Parler.Client;
using Parler.Contract.Facts;
using Parler.Core.Protocol;
using Parler.Mcp.Output;

namespace Parler.Mcp.Tools;

/// <summary>Reads facts of one room and renders them for a model, with names from the roster and the chain checked from the fact before.</summary>
internal sealed class RoomTranscript(HubClient client, string roomId, FactFormatter formatter)
{
    private const int Page = 200;

    /// <summary>How much of a long room a catch-up shows in full at the end, after the opening context.</summary>
    private const int TailFacts = 200;

    public static async Task<RoomTranscript> OpenAsync(HubClient client, string roomId, CancellationToken cancellationToken)
    {
        var names = (await client.RosterAsync(roomId, cancellationToken)).Members.ToDictionary(m => m.AgentId, m => m.Name, StringComparer.Ordinal);
        return new RoomTranscript(client, roomId, new FactFormatter(client.Identity.Id, client.Identity.Name, names));
    }

    /// <summary>Renders facts in order (anchoring the chain check at the fact before the first); own messages are left out.</summary>
    public async Task<int> RenderAsync(IReadOnlyList<EventView> facts, StringBuilder output, CancellationToken cancellationToken)
    {
        if (facts.Count > 0 && facts[0].Seq > 1)
        {
            var anchor = await client.ReadAsync(roomId, facts[0].Seq - 2, null, 1, cancellationToken);
            if (anchor.Events.Count == 1)
            {
                formatter.Anchor(anchor.Events[0]);
            }
        }

        var shown = 0;
        foreach (var fact in facts)
        {
            if (formatter.Format(fact) is { } text)
            {
                output.Append(text).Append('\n');
                shown++;
            }
        }

        return shown;
    }

    /// <summary>
    /// The whole room for a newcomer: all of it when short; otherwise the opening (through the first message, the
    /// context) and the last <see cref="TailFacts"/> facts, with a note of what was folded. Returns the last seq rendered.
    /// </summary>
    public async Task<long> CatchUpAsync(StringBuilder output, CancellationToken cancellationToken)
    {
        var opening = await client.ReadAsync(roomId, 0, null, Page, cancellationToken);
        if (opening.Head <= TailFacts + Page)
        {
            var all = opening.Events.ToList();
            var page = opening;
            while (page.More)
            {
                page = await client.ReadAsync(roomId, page.Cursor, null, Page, cancellationToken);
                all.AddRange(page.Events);
            }

            await RenderAsync(all, output, cancellationToken);
            return all.Count > 0 ? all[^1].Seq : 0;
        }

        var context = opening.Events.TakeWhile(e => e.Type != FactTypes.MessagePosted).Count() + 1;
        await RenderAsync(opening.Events.Take(context).ToList(), output, cancellationToken);
        var tailStart = opening.Head - TailFacts;
        output.Append("... ").Append(tailStart - context).Append(" facts folded (#").Append(context + 1).Append(" to #").Append(tailStart)
            .Append("); read them with parler_recv, room ").Append(roomId).Append(", after ").Append(context).Append('\n');
        var tail = new List<EventView>();
        var after = tailStart;
        ReadEventsResponse next;
        do
        {
            next = await client.ReadAsync(roomId, after, null, Page, cancellationToken);
            tail.AddRange(next.Events);
            after = next.Cursor;
        }
        while (next.More);

        await RenderAsync(tail, output, cancellationToken);
        return tail.Count > 0 ? tail[^1].Seq : tailStart;
    }
}
