using System.Globalization;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>
    /// A joiner's catch-up: every fact of the room after <paramref name="after"/> up to its head, in one answer that the
    /// hub writes as it reads and this client parses as it arrives (<c>messages.history</c>). Facts that committed
    /// meanwhile are read on until none is left, so the answer holds the whole room as of its last read. The answer is
    /// parsed by <see cref="EventPageReader"/>, which keeps each fact's data as a slice of the bytes received.
    /// </summary>
    public async Task<ReadEventsResponse> HistoryAsync(string roomRef, long after, CancellationToken cancellationToken)
    {
        var roomId = await ResolveRoomIdAsync(roomRef, cancellationToken);
        var events = new List<EventView>();
        while (true)
        {
            var path = $"/v1/rooms/{Escape(roomId)}/history?after={after.ToString(CultureInfo.InvariantCulture)}";
            var page = await SendAsync(HttpMethod.Get, path, null, EventPageReader.ReadAsync, true, null, true, cancellationToken);
            events.AddRange(page.Events);
            after = page.Cursor;
            if (!page.More)
            {
                return page with { Events = events };
            }
        }
    }
}
