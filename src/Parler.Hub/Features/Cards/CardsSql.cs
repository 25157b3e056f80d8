namespace Parler.Hub.Features.Cards;

/// <summary>The cards projection (each agent's latest signed card), for both engines.</summary>
internal static class CardsSql
{
    public const string List = "SELECT agent, card FROM cards ORDER BY agent";

    public const string Save = "INSERT INTO cards (agent, card) VALUES ($1, $2) ON CONFLICT (agent) DO UPDATE SET card = excluded.card";
}
