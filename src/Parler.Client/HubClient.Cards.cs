using System.Globalization;
using Parler.Core.Facts;
using Parler.Core.Protocol;

namespace Parler.Client;

internal sealed partial class HubClient
{
    /// <summary>Stamps the card with the current time, signs every field with this agent's key and publishes it.</summary>
    public Task<CardView> PublishCardAsync(CardFields card, CancellationToken cancellationToken)
    {
        var stamped = card with { UpdatedAt = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
        var request = new PublishCardRequest(stamped, CardSignature.Sign(Identity.Key, stamped));
        return SendAsync(HttpMethod.Post, "/v1/cards", Json(request, In.PublishCardRequest),
            Out.CardView, true, NewIdempotencyKey(), true, cancellationToken);
    }

    /// <summary>Merges <paramref name="changes"/> into your current card (a new private one if none), then signs and publishes it.</summary>
    public async Task<CardView> RegisterCardAsync(CardChanges changes, CancellationToken cancellationToken)
    {
        CardFields? current;
        try
        {
            current = (await GetCardAsync(Identity.Id, cancellationToken)).Card;
        }
        catch (HubClientException ex) when (ex.Problem?.Status == 404)
        {
            current = null;
        }

        var card = new CardFields(
            Identity.Name,
            changes.Role ?? current?.Role,
            changes.Description ?? current?.Description,
            changes.Tags is { Count: > 0 } tags ? tags : current?.Tags ?? [],
            changes.Skills is { Count: > 0 } skills ? skills : current?.Skills ?? [],
            changes.Visibility ?? current?.Visibility ?? "private",
            null);
        return await PublishCardAsync(card, cancellationToken);
    }

    public async Task<IReadOnlyList<CardView>> DiscoverAsync(DiscoverCardsRequest filter, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var flags = new[] { ("public", filter.Public), ("online", filter.Online) }.Select(f => (f.Item1, f.Item2 == true ? "true" : null));
        foreach (var (name, value) in new[] { ("q", filter.Q), ("tag", filter.Tag), ("skill", filter.Skill) }.Concat(flags))
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Escape(value)}");
            }
        }

        var path = "/v1/cards" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
        return (await SendAsync(HttpMethod.Get, path, null, Out.CardListResponse, true, null, true, cancellationToken)).Cards;
    }

    public Task<CardView> GetCardAsync(string agentId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"/v1/cards/{Escape(agentId)}", null, Out.CardView, true, null, true, cancellationToken);

    /// <summary>Finds or creates the DM room with one agent, named or by id; post to it with <see cref="PostMessageAsync"/>.</summary>
    public Task<RoomView> OpenDmAsync(string to, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/v1/dms", Json(new OpenDmRequest(to), In.OpenDmRequest),
            Out.RoomView, true, NewIdempotencyKey(), true, cancellationToken);

    /// <summary>Whether the card's signature verifies against its agent id: the hub cannot alter a card unnoticed.</summary>
    public static bool Verify(CardView card) => CardSignature.Verify(card.Agent, card.Card, card.Signature);
}
