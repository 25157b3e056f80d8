using Parler.Hub.Actions;
using Parler.Hub.Features.Rooms;

namespace Parler.Hub.Features.Cards;

/// <summary>
/// Cards and DMs decided with no I/O: a checked card is published as it was signed; a DM's room is created for the pair
/// when it is new and whoever of the two is not active in it joins. The handlers load the state inside the writer and append.
/// </summary>
internal static class CardDecider
{
    /// <summary>The card and signature were checked before the writer (<see cref="CardActions"/>); each publish is kept.</summary>
    public static Decision<CardPublished> Publish(PublishCard command) =>
        Decision<CardPublished>.Append(new CardPublished(command.Agent, command.Card, command.Signature));

    /// <summary>
    /// A new DM room is named after the pair and joined by the opener as owner and the other as member; in an existing one,
    /// whoever of the two is not active (left, or removed) joins again as a member; nothing when both are in.
    /// </summary>
    public static Decision<DmOpening> OpenDm(DmState state, OpenDm command)
    {
        var pair = new[] { command.Caller, command.Target }.Order(StringComparer.Ordinal).ToArray();
        var created = state.Room is null
            ? new RoomCreated("dm-" + string.Join('-', pair.Select(Short)), RoomKinds.Dm, Approval: false)
            : null;
        var joins = new[] { (command.Caller, Roles.Owner), (command.Target, Roles.Member) }
            .Where(p => state.Room?.ActiveMember(p.Item1) is null)
            .Select(p => new MemberJoined(p.Item1, state.Names.GetValueOrDefault(p.Item1) ?? p.Item1, state.Room is null ? p.Item2 : Roles.Member))
            .ToList();
        return created is null && joins.Count == 0
            ? Decision<DmOpening>.Nothing()
            : Decision<DmOpening>.Append(new DmOpening(created, joins));
    }

    private static string Short(string agentId) => agentId.Length > 10 ? agentId[2..10].ToLowerInvariant() : agentId.ToLowerInvariant();
}
