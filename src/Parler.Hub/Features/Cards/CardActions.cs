using Parler.Core.Facts;
using Parler.Core.Protocol;
using Parler.Hub.Actions;
using Parler.Hub.Errors;
using Parler.Hub.Storage;

namespace Parler.Hub.Features.Cards;

/// <summary>Agent cards: publishing your own signed card, and finding the cards you may see.</summary>
internal static class CardActions
{
    public const string Public = "public";
    public const string Private = "private";
    private const int MaxListItems = 20;
    private const int MaxItemChars = 40;
    private const int MaxDescriptionChars = 500;

    public static IEnumerable<ActionDefinition> Declare()
    {
        var context = ProtocolJsonContext.Default;
        yield return ActionDefinition.Writing(
            CardContract.Publish,
            context.PublishCardRequest,
            context.CardView,
            PublishAsync,
            CheckPublish);
        yield return ActionDefinition.Reading(
            CardContract.Discover,
            context.DiscoverCardsRequest,
            context.CardListResponse,
            DiscoverAsync);
        yield return ActionDefinition.Reading(
            CardContract.Get,
            context.EmptyRequest,
            context.CardView,
            async (call, _, ct) =>
            {
                var agent = call.RouteValue("agent");
                var reach = await AgentReach.LoadAsync(call.Services.Store, call.RequireCaller().AgentId, ct);
                return reach.Cards.Where(c => c.Agent == agent).Select(c => WithPresence(call, c)).FirstOrDefault()
                    ?? throw new HubException(ErrorCodes.NotFound, $"No card you can see belongs to '{agent}'.");
            });
    }

    private static void CheckPublish(ActionCall call, PublishCardRequest input)
    {
        var card = input.Card ?? throw new HubException(ErrorCodes.ValidationFailed, "'card' is required: {name, visibility, updated_at, ...}.");
        Validate.DisplayName(card.Name);
        Validate.Required(card.UpdatedAt, "card.updated_at", "2026-01-01T00:00:00Z");
        if (card.Visibility is not (Public or Private))
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'card.visibility' is 'public' or 'private', not '{card.Visibility}'.");
        }

        if (card.Description?.Length > MaxDescriptionChars || card.Role?.Length > MaxItemChars * 2)
        {
            throw new HubException(ErrorCodes.ValidationFailed, $"'card.description' is at most {MaxDescriptionChars} characters and 'card.role' at most {MaxItemChars * 2}.");
        }

        foreach (var (list, field) in new[] { (card.Tags, "tags"), (card.Skills, "skills") })
        {
            if (list is not null && (list.Count > MaxListItems || list.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > MaxItemChars)))
            {
                throw new HubException(ErrorCodes.ValidationFailed, $"'card.{field}' holds at most {MaxListItems} items of 1-{MaxItemChars} characters.");
            }
        }

        if (!CardSignature.Verify(call.RequireCaller().AgentId, card, input.Signature))
        {
            throw new HubException(
                ErrorCodes.SignatureInvalid,
                "The card signature does not verify. Sign the RFC 8785 form of {purpose, agent (your id), name, role, description, tags, skills, visibility, updated_at}.");
        }
    }

    private static async Task<CardView> PublishAsync(ActionCall call, PublishCardRequest input, IStoreWriter writer, CancellationToken ct)
    {
        var caller = call.RequireCaller();
        var view = new CardView(caller.AgentId, input.Card!, input.Signature!);
        await writer.AppendAsync(caller.AgentId, caller.Draft(CardDecider.Publish(new PublishCard(view.Agent, view.Card, view.Signature)).Unwrap()!), ct);
        return view;
    }

    private static async Task<CardListResponse> DiscoverAsync(ActionCall call, DiscoverCardsRequest input, CancellationToken ct)
    {
        var reach = await AgentReach.LoadAsync(call.Services.Store, call.RequireCaller().AgentId, ct);
        var cards = reach.Cards
            .Select(c => WithPresence(call, c))
            .Where(c => input.Online != true || c.Presence!.Online)
            .Where(c => input.Public != true || c.Card.Visibility == Public)
            .Where(c => input.Tag is null || (c.Card.Tags ?? []).Contains(input.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(c => input.Skill is null || (c.Card.Skills ?? []).Contains(input.Skill, StringComparer.OrdinalIgnoreCase))
            .Where(c => string.IsNullOrWhiteSpace(input.Q)
                || (c.Card.Name ?? "").Contains(input.Q, StringComparison.OrdinalIgnoreCase)
                || (c.Card.Description ?? "").Contains(input.Q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Card.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CardListResponse(cards);
    }

    private static CardView WithPresence(ActionCall call, CardView card) => card with { Presence = call.Services.Presence.Of(card.Agent) };
}
