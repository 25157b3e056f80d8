using System.Text.Json;
using Parler.Core.Identity;
using Parler.Core.Protocol;
using Parler.Hub.Errors;
using Parler.Hub.Features.Rooms;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Cards;

/// <summary>
/// Who the caller can see and reach: every public card, plus the agents it shares an active room with (and their
/// cards, private or not). An agent outside that set looks exactly like one that does not exist.
/// </summary>
internal sealed class AgentReach
{
    private AgentReach(string callerId, IReadOnlyList<RoomSummary> rooms, IReadOnlyList<CardView> cards, Dictionary<string, string> roommates)
    {
        CallerId = callerId;
        Rooms = rooms;
        Cards = cards;
        Roommates = roommates;
    }

    public string CallerId { get; }

    public IReadOnlyList<RoomSummary> Rooms { get; }

    /// <summary>The cards the caller may read, its own included.</summary>
    public IReadOnlyList<CardView> Cards { get; }

    /// <summary>Agents sharing an active room with the caller, by id, with their names there.</summary>
    public Dictionary<string, string> Roommates { get; }

    public static async Task<AgentReach> LoadAsync(IHubStore store, string callerId, CancellationToken cancellationToken)
    {
        var rooms = await store.ListRoomsAsync(callerId, cancellationToken);
        var roommates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in rooms.SelectMany(r => r.Room.State.Members.Values))
        {
            if (member.Status == MemberStatus.Active && member.AgentId != callerId)
            {
                roommates.TryAdd(member.AgentId, member.Name);
            }
        }

        var cards = (await store.ListCardsAsync(cancellationToken))
            .Select(c => JsonSerializer.Deserialize(c.Card, ProtocolJsonContext.Default.CardView)!)
            .Where(c => c.Agent == callerId || c.Card.Visibility == CardActions.Public || roommates.ContainsKey(c.Agent))
            .ToList();
        return new AgentReach(callerId, rooms, cards, roommates);
    }

    /// <summary>
    /// The one agent an id, a unique id prefix (8 or more characters) or a name means among those the caller may reach
    /// (itself excluded). Unknown and unreachable give the same error, so a refusal never reveals that an agent exists.
    /// </summary>
    public (string AgentId, string Name) Resolve(string reference)
    {
        var reachable = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string id, string? name)
        {
            if (id == CallerId)
            {
                return;
            }

            if (!reachable.TryGetValue(id, out var names))
            {
                reachable[id] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(name);
            }
        }

        foreach (var card in Cards)
        {
            Add(card.Agent, card.Card.Name);
        }

        foreach (var (id, name) in Roommates)
        {
            Add(id, name);
        }

        if (reachable.TryGetValue(reference, out var byId))
        {
            return (reference, byId.FirstOrDefault() ?? reference);
        }

        var byPrefix = IdPrefix.Match(reference, reachable, r => r.Key);
        IReadOnlyList<KeyValuePair<string, HashSet<string>>> matches = byPrefix.Count > 0 ? byPrefix : reachable.Where(r => r.Value.Contains(reference)).ToList();
        return matches.Count switch
        {
            1 => (matches[0].Key, byPrefix.Count > 0 ? matches[0].Value.FirstOrDefault() ?? matches[0].Key : reference),
            0 => throw new HubException(
                ErrorCodes.NotFound,
                $"No agent you can reach is called '{reference}'. You can reach agents with a public card ('parler discover') or in a room with you."),
            _ => throw new HubException(
                ErrorCodes.AmbiguousAgent,
                $"{matches.Count} agents you can reach are called '{reference}': " +
                $"{string.Join(", ", matches.Select(m => $"{reference} ({m.Key})"))}. Use the id."),
        };
    }
}
