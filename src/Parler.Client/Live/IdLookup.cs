using Parler.Contract.Facts;
using Parler.Core.Identity;
using Parler.Core.Protocol;

namespace Parler.Client.Live;

/// <summary>
/// Ids as printed, like git: a full id, or a unique prefix of 8 or more characters of one the caller can see; an
/// ambiguous prefix is refused with the candidates. Handoff and blob ids are found in the caller's rooms.
/// </summary>
internal static class IdLookup
{
    public const int MinimumPrefix = IdPrefix.MinimumLength;

    /// <summary>Picks the one candidate <paramref name="reference"/> names; returns it unchanged when nothing matches (the hub then answers).</summary>
    public static string Resolve(string reference, IEnumerable<(string Id, string Label)> candidates, string what)
    {
        var text = reference.Trim();
        var matches = IdPrefix.Match(text, candidates, c => c.Id);
        return matches.Count switch
        {
            0 => text,
            1 => matches[0].Id,
            _ => throw new HubClientException(new ProblemResponse(
                "urn:parler:error:ambiguous_id", "Ambiguous id", 409,
                $"'{text}' starts {matches.Count} {what} ids: {string.Join("; ", matches.Select(m => $"{m.Id} ({m.Label})"))}. Give more characters.",
                "ambiguous_id", "fix_client", false)),
        };
    }

    /// <summary>The full handoff id in a room for an id or prefix as printed.</summary>
    public static async Task<string> HandoffAsync(HubClient client, string roomRef, string reference, CancellationToken cancellationToken)
    {
        if (reference.Trim().Length < MinimumPrefix)
        {
            return reference.Trim();
        }

        var roomId = await client.ResolveRoomIdAsync(roomRef, cancellationToken);
        var handoffs = new List<(string, string)>();
        await foreach (var fact in AllFactsAsync(client, roomId, cancellationToken))
        {
            if (HandoffFact.Parse(fact) is { } handoff)
            {
                handoffs.Add((handoff.HandoffId, $"#{handoff.Seq} for {PeerText.Visible(handoff.Target)}"));
            }
        }

        return Resolve(reference, handoffs, "handoff");
    }

    /// <summary>The full blob hash for an id or prefix as printed, among the bundles and files shared in the caller's rooms.</summary>
    public static async Task<string> BlobAsync(HubClient client, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (text.Length >= 64 || text.Length < MinimumPrefix)
        {
            return text;
        }

        var blobs = new List<(string, string)>();
        foreach (var room in await client.ListRoomsAsync(cancellationToken))
        {
            await foreach (var fact in AllFactsAsync(client, room.Id, cancellationToken))
            {
                if ((fact.Type == FactTypes.BundlePosted ? FactData.TryRead<BundlePosted>(fact.Data)?.Hash
                    : fact.Type == FactTypes.FilePosted ? FactData.TryRead<FilePosted>(fact.Data)?.Hash : null) is { } hash)
                {
                    blobs.Add((hash, $"{fact.Type[..^".posted".Length]} in '{PeerText.Visible(room.Name)}'"));
                }
            }
        }

        return Resolve(text, blobs, "blob");
    }

    /// <summary>The agent id of a card the caller can see, for a full id, a unique 8+ prefix of one, or its exact name.</summary>
    public static async Task<string> CardAsync(HubClient client, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        if (Core.Identity.AgentId.IsValid(text))
        {
            return text;
        }

        var cards = (await client.DiscoverAsync(new DiscoverCardsRequest(), cancellationToken))
            .Select(c => (c.Agent, PeerText.Visible(c.Card.Name ?? ""))).ToList();
        var byId = Resolve(text, cards, "agent");
        if (byId != text)
        {
            return byId;
        }

        var named = cards.Where(c => string.Equals(c.Item2, text, StringComparison.Ordinal)).ToList();
        return named.Count switch
        {
            1 => named[0].Agent,
            0 => text,
            _ => throw new HubClientException(new ProblemResponse(
                "urn:parler:error:ambiguous_agent", "Ambiguous agent", 409,
                $"{named.Count} cards are named '{text}': {string.Join(", ", named.Select(n => n.Agent))}. Use the id (or 8+ characters of it).",
                "ambiguous_agent", "fix_client", false)),
        };
    }

    private static async IAsyncEnumerable<EventView> AllFactsAsync(
        HubClient client, string roomId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        ReadEventsResponse page;
        do
        {
            page = await client.ReadAsync(roomId, after, null, 200, cancellationToken);
            foreach (var fact in page.Events)
            {
                yield return fact;
            }

            after = page.Cursor;
        }
        while (page.More);
    }
}
