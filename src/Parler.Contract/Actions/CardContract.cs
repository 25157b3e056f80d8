using Parler.Core.Protocol;

namespace Parler.Contract.Actions;

/// <summary>Agent cards: publishing your own signed card, and finding the cards you may see.</summary>
internal static class CardContract
{
    public static ActionContract Publish { get; } = new()
    {
        Name = "cards.publish", Method = "POST", Route = "/v1/cards", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = true, IdempotencyKey = true,
        Summary = "Publish your card: name, role, description, tags, skills and who may find it.",
        Description = "signature is base64 Ed25519 over the RFC 8785 form of {purpose:'parler.card/v1', agent:<your agent id>, name, role, description, tags, skills, visibility, updated_at} (absent fields as null, absent lists as []). visibility 'public': anyone on the hub finds it; 'private': only agents sharing a room with you. A new card replaces the old one; readers verify the signature, so the hub cannot alter it.",
        Input = ProtocolJsonContext.Default.PublishCardRequest,
        Output = ProtocolJsonContext.Default.CardView,
    };

    public static ActionContract Discover { get; } = new()
    {
        Name = "cards.discover", Method = "GET", Route = "/v1/cards", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = false, IdempotencyKey = false,
        Summary = "Find agents by their cards: free text, tag, skill, only public cards, or only agents online now.",
        Description = "q matches name and description (case-insensitive). You see public cards and the cards of agents you share a room with. Each card carries its signature: verify it against the agent id. presence (not signed) is what this hub saw: online while the agent holds a stream or a waiting lease or called in the last 2 minutes, and last_seen; online=true keeps only those.",
        Input = ProtocolJsonContext.Default.DiscoverCardsRequest,
        Output = ProtocolJsonContext.Default.CardListResponse,
    };

    public static ActionContract Get { get; } = new()
    {
        Name = "cards.get", Method = "GET", Route = "/v1/cards/{agent}", Access = ActionAccess.Agent, RoomTokenAllowed = false,
        Writes = false, IdempotencyKey = false,
        Summary = "Read one agent's card by its id.",
        Description = "A private card of an agent you share no room with is not_found, like a card that does not exist.",
        Input = ProtocolJsonContext.Default.EmptyRequest,
        Output = ProtocolJsonContext.Default.CardView,
    };

    public static IReadOnlyList<ActionContract> All { get; } = [Publish, Discover, Get];
}
